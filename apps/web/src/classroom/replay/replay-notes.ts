import { NOTE_MAX_LENGTH, type ReplayNote } from '@ttc/protocol';
import { announceStatus } from '../../a11y/dom-mirror';
import { tickLabel } from '../../view-model/replay-model';
import { fill, h } from '../dom';
import { addNote, changeNote, deleteNote } from './replay-api';

// The facilitator's notes, pinned to hours of the session and kept on the server. With a share
// link the notes show, with nothing to edit them; a solo file has none.

export interface NotesPanel {
  element: HTMLElement;
  /** The viewer moved: the form writes at this hour; notes at it are marked. */
  setTick(tick: number): void;
  /** Puts the cursor in the new note's text (the N key). */
  focusInput(): void;
  notes(): readonly ReplayNote[];
}

export function notesPanel(options: {
  notes: ReplayNote[];
  ticksPerRound: number;
  /** Only with the facilitator key: where to write. */
  writer: { sessionId: string; key: string } | undefined;
  seekTick: (tick: number) => void;
  onChange: (notes: readonly ReplayNote[]) => void;
}): NotesPanel {
  const { writer, ticksPerRound } = options;
  let notes = [...options.notes];
  let tick = -1;
  const list = h('ol', { class: 'replay-notes', 'aria-label': 'Notes by hour' });
  const error = h('p', { class: 'error-text', role: 'alert' });
  const text = h('textarea', { id: 'note-text', rows: 2, maxlength: NOTE_MAX_LENGTH, 'aria-describedby': 'note-where' });
  const where = h('span', { class: 'field-hint', id: 'note-where' });

  const sorted = () => [...notes].sort((a, b) => a.tick - b.tick || a.createdAt.localeCompare(b.createdAt));
  const changed = () => {
    draw();
    options.onChange(notes);
  };

  const failed = (doing: string, problem: unknown) => {
    error.textContent = `The note could not be ${doing}: ${problem instanceof Error ? problem.message : 'no answer'}`;
  };

  const editor = (note: ReplayNote, item: HTMLElement) => {
    if (!writer) return;
    const field = h('textarea', {
      rows: 2,
      maxlength: NOTE_MAX_LENGTH,
      'aria-label': `Edit the note at ${tickLabel(note.tick, ticksPerRound)}`,
    });
    field.value = note.text;
    const save = async () => {
      error.textContent = '';
      try {
        const saved = await changeNote(writer.sessionId, writer.key, note.id, field.value);
        notes = notes.map((candidate) => (candidate.id === saved.id ? saved : candidate));
        announceStatus(`Note at ${tickLabel(saved.tick, ticksPerRound)} saved.`);
        changed();
      } catch (problem) {
        failed('saved', problem);
      }
    };
    fill(
      item,
      field,
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', class: 'primary', onclick: () => void save() }, 'Save note'),
        h('button', { type: 'button', onclick: draw }, 'Cancel'),
      ),
    );
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save();
      if (event.key === 'Escape') {
        event.stopPropagation();
        draw();
      }
    });
    field.focus();
  };

  const remove = async (note: ReplayNote) => {
    if (!writer) return;
    error.textContent = '';
    try {
      await deleteNote(writer.sessionId, writer.key, note.id);
      notes = notes.filter((candidate) => candidate.id !== note.id);
      announceStatus(`Note at ${tickLabel(note.tick, ticksPerRound)} deleted.`);
      changed();
      text.focus();
    } catch (problem) {
      failed('deleted', problem);
    }
  };

  function draw(): void {
    const items = sorted().map((note) => {
      const item = h('li', { class: note.tick === tick ? 'current' : undefined, 'data-tick': note.tick });
      fill(
        item,
        h(
          'button',
          {
            type: 'button',
            class: 'note-time',
            onclick: () => options.seekTick(note.tick),
            'aria-label': `Go to ${tickLabel(note.tick, ticksPerRound)}`,
          },
          tickLabel(note.tick, ticksPerRound),
        ),
        h('p', { class: 'note-text' }, note.text),
        writer &&
          h(
            'div',
            { class: 'row note-actions' },
            h(
              'button',
              {
                type: 'button',
                onclick: () => editor(note, item),
                'aria-label': `Edit the note at ${tickLabel(note.tick, ticksPerRound)}`,
              },
              'Edit',
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'danger',
                onclick: () => void remove(note),
                'aria-label': `Delete the note at ${tickLabel(note.tick, ticksPerRound)}`,
              },
              'Delete',
            ),
          ),
      );
      return item;
    });
    fill(list, items.length > 0 ? items : h('li', { class: 'muted' }, writer ? 'No notes yet.' : 'The facilitator left no notes.'));
  }

  const add = async (event: Event) => {
    event.preventDefault();
    if (!writer) return;
    error.textContent = '';
    if (text.value.trim() === '') {
      error.textContent = 'Write the note first.';
      text.focus();
      return;
    }
    try {
      const note = await addNote(writer.sessionId, writer.key, Math.max(0, tick), text.value);
      notes = [...notes, note];
      text.value = '';
      announceStatus(`Note added at ${tickLabel(note.tick, ticksPerRound)}.`);
      changed();
    } catch (problem) {
      failed('added', problem);
    }
  };

  const form =
    writer &&
    h(
      'form',
      { class: 'note-form', onsubmit: (event: Event) => void add(event) },
      h('label', { for: 'note-text' }, 'New note', where),
      text,
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'submit', class: 'primary' }, 'Add note'),
        h('span', { class: 'muted' }, 'Ctrl+Enter adds it'),
      ),
    );
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void add(event);
  });

  const element = h(
    'section',
    { class: 'panel replay-notes-panel', 'aria-labelledby': 'replay-notes-heading' },
    h('h2', { id: 'replay-notes-heading' }, 'Notes', h('kbd', {}, 'N')),
    list,
    form,
    error,
  );
  draw();

  return {
    element,
    setTick(next) {
      if (next === tick) return;
      tick = next;
      where.textContent = `At ${tickLabel(tick, ticksPerRound)}, the viewer’s position`;
      for (const item of list.querySelectorAll<HTMLElement>('li[data-tick]'))
        item.classList.toggle('current', Number(item.dataset.tick) === tick);
    },
    focusInput: () => text.focus(),
    notes: () => notes,
  };
}
