import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
// @lezer/highlight comes with @codemirror/language, which is built on it.
import { tags } from '@lezer/highlight';

/**
 * Every style of the editor, as CodeMirror theme rules: the editor sits in a
 * shadow root that page CSS cannot reach (see CodeEditor). Colours come from the
 * app's CSS custom properties, which do inherit into it, so the editor follows
 * the light/dark theme without being reconfigured.
 */
export const editorTheme = EditorView.theme({
  '&': {
    maxHeight: '420px',
    backgroundColor: 'var(--code-bg)',
    color: 'var(--text)',
    border: '1px solid var(--border-strong)',
    borderRadius: 'var(--radius)',
    fontSize: '12px',
  },
  '&.cm-invalid': {
    borderColor: 'var(--danger)',
  },
  '.cm-content, .cm-gutter': {
    minHeight: '72px',
  },
  '&.cm-focused': {
    outline: '2px solid var(--focus-ring)',
    outlineOffset: '1px',
  },
  '.cm-scroller': {
    fontFamily: 'var(--font-mono)',
    lineHeight: '1.5',
  },
  '.cm-content': {
    caretColor: 'var(--text)',
    padding: '6px 0',
  },
  '.cm-cursor, .cm-dropCursor': {
    borderLeftColor: 'var(--text)',
  },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--selection-bg)',
  },
  '.cm-activeLine': {
    backgroundColor: 'transparent',
  },
  '&.cm-focused .cm-activeLine': {
    backgroundColor: 'var(--hover-bg)',
  },
  '.cm-gutters': {
    backgroundColor: 'var(--surface-2)',
    color: 'var(--text-faint)',
    borderRight: '1px solid var(--border)',
    borderRadius: 'var(--radius) 0 0 var(--radius)',
  },
  '.cm-activeLineGutter': {
    backgroundColor: 'var(--surface-3)',
    color: 'var(--text-muted)',
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    border: '1px solid var(--border-strong)',
    borderRadius: 'var(--radius-small)',
    boxShadow: 'var(--shadow)',
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--selection-bg)',
    color: 'var(--text)',
  },
  '.cm-completionDetail': {
    color: 'var(--text-muted)',
  },
  '.cm-diagnostic': {
    fontFamily: 'var(--font-ui)',
  },
  // Handlebars tags (see handlebarsTags); nested token colours must give way to the tag's.
  '.cm-hb-tag, .cm-hb-tag *': {
    color: 'var(--accent)',
  },
  '.cm-hb-tag': {
    borderRadius: '3px',
    backgroundColor: 'var(--accent-soft)',
  },
  '.cm-hb-block, .cm-hb-block *': {
    color: 'var(--method-patch)',
    fontWeight: '600',
  },
  '.cm-hb-comment, .cm-hb-comment *': {
    color: 'var(--text-faint)',
    fontStyle: 'italic',
  },
});

const highlightStyle = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--info)' },
  { tag: tags.string, color: 'var(--success)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--warning)' },
  { tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation], color: 'var(--text-muted)' },
  { tag: tags.invalid, color: 'var(--text)' },
]);

export const editorHighlighting = syntaxHighlighting(highlightStyle);
