import { useState, type ChangeEvent, type KeyboardEvent } from 'react';

/**
 * A Settings text field saved when it is left or Enter is pressed (never on each key): `commit` gets the text. The
 * field follows the saved value when that changes (here or elsewhere) — adjusted during render, not in an effect —
 * and `onSavedChange` hears it (e.g. to clear an error). Spread `field` on the `<input>`.
 */
export function useSavedText(saved: string, commit: (text: string) => void, onSavedChange?: () => void) {
  const [text, setText] = useState(saved);
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    setText(saved);
    onSavedChange?.();
  }
  return {
    text,
    field: {
      value: text,
      onChange: (e: ChangeEvent<HTMLInputElement>) => setText(e.target.value),
      onBlur: () => commit(text),
      onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit(text);
        }
      },
    },
  };
}
