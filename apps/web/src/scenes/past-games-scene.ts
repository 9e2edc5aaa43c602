import Phaser from 'phaser';
import { announceScreen } from '../a11y/dom-mirror';
import { loadPastGames, personalBests } from '../storage/past-games';
import { Button } from '../ui/button';
import { FocusList } from '../ui/focus-list';
import { onKey } from '../ui/on-key';
import { addPanel, addText } from '../ui/panel';
import { COLOURS, HEIGHT } from '../ui/theme';
import { money } from '../view-model/format';
import { markScreen, SCENES } from './scene-keys';

/** Past solo games and personal bests, kept in this browser only. */
export class PastGamesScene extends Phaser.Scene {
  constructor() {
    super(SCENES.pastGames);
  }

  create(): void {
    markScreen('past-games', this);
    const games = loadPastGames();
    const bests = personalBests(games);
    addText(this, 40, 30, 'Past games and personal bests', 'heading');
    addText(this, 40, 72, 'Kept in this browser only. No account, nothing sent anywhere.', 'small', COLOURS.textMuted);
    addPanel(this, 30, 110, 1540, 280, 'Personal bests (balanced score)');
    if (bests.length === 0)
      addText(this, 50, 158, 'No finished game yet. Play a solo game to set your first best.', 'body', COLOURS.textMuted);
    bests.slice(0, 6).forEach((game, index) => {
      addText(
        this,
        50,
        158 + index * 38,
        `${game.scenarioName} (${game.length}): ${game.balancedScore.toFixed(1)} — seed ${game.seed}, profit ${money(game.profitCents, game.currency, false)}, exhaustion ${Math.round(game.exhaustion)}, loyalty ${Math.round(game.loyalty)}`,
        'body',
      );
    });
    addPanel(this, 30, 400, 1540, 390, 'Latest games');
    games.slice(0, 9).forEach((game, index) => {
      const when = new Date(game.finishedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
      addText(
        this,
        50,
        446 + index * 38,
        `${when} · ${game.scenarioName} (${game.length}) · seed ${game.seed} · score ${game.balancedScore.toFixed(1)} · profit ${money(game.profitCents, game.currency, false)} · exhaustion ${Math.round(game.exhaustion)} · loyalty ${Math.round(game.loyalty)}`,
        'small',
      );
    });
    const back = new Button(this, 30, HEIGHT - 90, {
      width: 220,
      height: 56,
      label: 'Back',
      hint: 'Esc',
      onPress: () => this.scene.start(SCENES.title),
    });
    new FocusList(this).set([back]);
    onKey(this, (event) => {
      if (event.key === 'Escape') back.press();
    });
    announceScreen(
      `Past games. ${bests.length} personal bests, ${games.length} games. ${bests.map((game) => `${game.scenarioName} ${game.length}: ${game.balancedScore.toFixed(1)}`).join('. ')}. Press Escape to go back.`,
    );
  }
}
