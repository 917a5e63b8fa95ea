import { Upload } from 'lucide-react';
import { type ChangeEvent, type ReactNode, useRef } from 'react';

interface FilePickerProps {
  /** The file types the chooser offers, as in `<input accept>`. */
  accept: string;
  /** Gets the chosen file; nothing is called when the chooser is closed without one. */
  onFile: (file: File) => void;
  disabled?: boolean;
  /** The button's test id. */
  testId: string;
  /** The hidden file input's test id (tests set files on it directly). */
  inputTestId: string;
  /** The button's words. */
  children: ReactNode;
}

/** An upload button that opens the system's file chooser through a hidden file input. */
export function FilePicker({ accept, onFile, disabled, testId, inputTestId, children }: FilePickerProps) {
  const inputRef = useRef<HTMLInputElement>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so choosing the same file again still fires a change.
    event.target.value = '';
    if (file) onFile(file);
  };

  return (
    <>
      <button
        type="button"
        className="button"
        disabled={disabled}
        data-testid={testId}
        onClick={() => inputRef.current?.click()}
      >
        <Upload size={14} aria-hidden />
        {children}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden
        data-testid={inputTestId}
        onChange={onChange}
      />
    </>
  );
}
