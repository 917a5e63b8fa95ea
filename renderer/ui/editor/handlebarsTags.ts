import {
  Decoration,
  type DecorationSet,
  type EditorView,
  MatchDecorator,
  ViewPlugin,
  type ViewUpdate,
} from '@codemirror/view';

/**
 * `{{…}}` and `{{{…}}}` tags, one line at a time (Handlebars tags rarely span lines,
 * and a per-line match keeps the decoration cheap on large bodies).
 */
const TAG = /\{\{\{?.*?\}\}\}?/g;

const plain = Decoration.mark({ class: 'cm-hb-tag' });
const block = Decoration.mark({ class: 'cm-hb-tag cm-hb-block' });
const comment = Decoration.mark({ class: 'cm-hb-tag cm-hb-comment' });

function decorationFor(tag: string): Decoration {
  const inner = tag.replace(/^\{\{\{?~?\s*/, '');
  if (inner.startsWith('!')) return comment;
  if (/^[#/^]|^else\b/.test(inner)) return block;
  return plain;
}

const tagDecorator = new MatchDecorator({
  regexp: TAG,
  decoration: (match) => decorationFor(match[0]),
});

/**
 * Marks Handlebars tags so they stand out from the JSON around them; the JSON
 * highlighter alone would paint a tag outside a string as a syntax error.
 */
export const handlebarsTags = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;

    constructor(view: EditorView) {
      this.decorations = tagDecorator.createDeco(view);
    }

    update(update: ViewUpdate) {
      this.decorations = tagDecorator.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
