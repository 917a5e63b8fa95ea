import { autocompletion } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Annotation, Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { type EditorProblems, toDiagnostics } from './diagnostics';
import { editorHighlighting, editorTheme } from './editorTheme';
import { handlebarsTags } from './handlebarsTags';
import { type EditorCompletion, templateCompletionSource } from './templateCompletions';
import './editor.css';

export interface CodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** The accessible name of the editing area. */
  ariaLabel: string;
  /** `json` highlights JSON; `text` highlights nothing. Fixed for the editor's lifetime. */
  language?: 'json' | 'text';
  /** Marks `{{…}}` tags and completes names inside them. Fixed for the editor's lifetime. */
  handlebars?: boolean;
  /** Problems to underline; ignored unless their `source` is the text currently shown. */
  problems?: EditorProblems | null;
  /** Names offered inside `{{`; may change at any time. */
  completions?: readonly EditorCompletion[];
  readOnly?: boolean;
  testId?: string;
  /** Marks the editor invalid, visibly and for assistive technology (e.g. it has template errors). */
  invalid?: boolean;
}

/** Changes the editor makes to follow the `value` prop, as opposed to the user's typing. */
const fromProps = Annotation.define<boolean>();

const invalidMarks = (invalid: boolean): Extension =>
  invalid
    ? [
        EditorView.editorAttributes.of({ class: 'cm-invalid' }),
        EditorView.contentAttributes.of({ 'aria-invalid': 'true' }),
      ]
    : [];

/**
 * A CodeMirror 6 editor as a controlled React input. The view is created once;
 * later prop changes are dispatched into it, so typing never remounts it or
 * loses the cursor.
 *
 * The editor lives in a shadow root on purpose: CodeMirror (style-mod) injects
 * its styles as a <style> element into a document, which the page's CSP
 * (style-src 'self') blocks, but into a shadow root as an adopted stylesheet,
 * which the CSP allows. Page CSS does not reach inside, so every editor style
 * is in editorTheme; the app's custom properties (colours, fonts) do inherit in.
 */
export function CodeEditor({
  value,
  onChange,
  ariaLabel,
  language = 'json',
  handlebars = false,
  problems = null,
  completions,
  readOnly = false,
  testId,
  invalid = false,
}: CodeEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const completionsRef = useRef<readonly EditorCompletion[]>(completions ?? []);
  completionsRef.current = completions ?? [];
  // The first render's values build the view; later ones are applied by the effects below.
  const initial = useRef({ value, ariaLabel, language, handlebars, readOnly, invalid });
  const invalidCompartment = useRef(new Compartment());

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const setup = initial.current;
    // attachShadow works once per element; a StrictMode remount reuses the root.
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const extensions: Extension[] = [
      lineNumbers(),
      highlightActiveLineGutter(),
      history(),
      drawSelection(),
      bracketMatching(),
      highlightActiveLine(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      EditorView.lineWrapping,
      editorTheme,
      editorHighlighting,
      lintGutter(),
      invalidCompartment.current.of(invalidMarks(setup.invalid)),
      EditorView.contentAttributes.of({ 'aria-label': setup.ariaLabel, 'aria-multiline': 'true' }),
      EditorState.readOnly.of(setup.readOnly),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        if (update.transactions.some((transaction) => transaction.annotation(fromProps))) return;
        onChangeRef.current(update.state.doc.toString());
      }),
    ];
    if (setup.language === 'json') extensions.push(json());
    if (setup.handlebars) {
      extensions.push(
        handlebarsTags,
        autocompletion({ override: [templateCompletionSource(() => completionsRef.current)] }),
      );
    }
    const view = new EditorView({
      parent: shadow,
      root: shadow,
      state: EditorState.create({ doc: setup.value, extensions }),
    });
    viewRef.current = view;
    return () => {
      // Keep the latest text for a remount (React StrictMode mounts effects twice).
      setup.value = view.state.doc.toString();
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const current = view.state.doc.toString();
    if (current === value) return;
    view.dispatch({
      changes: { from: 0, to: current.length, insert: value },
      annotations: fromProps.of(true),
    });
  }, [value]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const fresh = problems !== null && problems.source === view.state.doc.toString();
    // Stale problems are dropped rather than drawn at shifted positions; a fresh check follows.
    view.dispatch(setDiagnostics(view.state, fresh ? toDiagnostics(view.state.doc, problems.items) : []));
  }, [problems]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: invalidCompartment.current.reconfigure(invalidMarks(invalid)) });
  }, [invalid]);

  return <div ref={hostRef} className="code-editor" data-testid={testId} />;
}
