import Phaser from 'phaser';

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** The WebGL renderer's name, or undefined when there is no WebGL at all. */
function webglRendererName(): string | undefined {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return undefined;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  } catch {
    return undefined;
  }
}

/**
 * WebGL where a real GPU draws it; the 2D canvas where WebGL is emulated in software (office
 * laptops in virtual machines, headless browsers). Measured here: a crowded operations screen
 * ran at about 10 fps through software WebGL and at 60 fps through the canvas renderer.
 * `?renderer=webgl` or `?renderer=canvas` overrides the choice.
 */
export function chooseRenderer(params: URLSearchParams): number {
  const forced = params.get('renderer');
  if (forced === 'canvas') return Phaser.CANVAS;
  if (forced === 'webgl') return Phaser.WEBGL;
  const name = webglRendererName();
  return name === undefined || SOFTWARE_GL.test(name) ? Phaser.CANVAS : Phaser.AUTO;
}
