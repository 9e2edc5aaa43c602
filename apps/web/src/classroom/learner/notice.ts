import './learner.css';

/**
 * A short message over whatever shows (the title screen after leaving a class): announced as
 * an alert, closed with its button or after half a minute.
 */
export function showNotice(text: string): void {
  document.getElementById('learner-notice')?.remove();
  const notice = document.createElement('div');
  notice.id = 'learner-notice';
  notice.className = 'learner-notice';
  notice.setAttribute('role', 'alert');
  const message = document.createElement('p');
  message.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'OK';
  close.addEventListener('click', () => notice.remove());
  notice.append(message, close);
  document.body.append(notice);
  setTimeout(() => notice.remove(), 30_000);
}
