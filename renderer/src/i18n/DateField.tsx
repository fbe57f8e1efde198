import { memo, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localTodayIso } from '../invoices/plain-date';
import { addDays, datePattern, formatDate, parseDate, patternText } from '../lib/date-pattern';
import { useLocale } from './locale-context';

interface Props {
  /** The day, 'YYYY-MM-DD', or null for none. */
  value: string | null;
  onChange: (value: string | null) => void;
  id?: string;
  /** Its name when no `<label htmlFor>` names it. */
  label?: string;
  min?: string | null;
  max?: string | null;
  testId?: string;
}

/**
 * A date typed the way the chosen language writes it (30.06.2026 in German, 30/06/2026 in French, 06/30/2026 in
 * American English) and switching at once when the language changes — a native `<input type=date>` follows the
 * browser's start-up locale instead. A full date is taken as it is typed; ArrowUp/ArrowDown move a day; Escape puts
 * back the date in force. A date that is not one (31.02.2026) or out of bounds says why, under the field, and the
 * date in force stays. Empty means none. `data-value` holds the day as 'YYYY-MM-DD'.
 */
export const DateField = memo(function DateField({ value, onChange, id, label, min, max, testId }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pattern = useMemo(() => datePattern(locale), [locale]);
  const hint = patternText(pattern, { day: t('dateDay'), month: t('dateMonth'), year: t('dateYear') });
  const shown = formatDate(value, pattern);
  const [draft, setDraft] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  const own = useId();
  const hintId = `${own}-hint`;
  const problemId = `${own}-problem`;
  // Days taken while typing, not yet written out: "1.12.2026" on the way to "15.12.2026" is a day already, but
  // when it comes back as the date in force the text must stay as typed (rewriting it as "01.12.2026" would move
  // the caret to the end under the accountant's fingers and the next digit would land in the year).
  const [typed, setTyped] = useState<readonly string[]>([]);
  // The date in force changed (picked elsewhere, reset, or the language changed how it is written): show it.
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    setSeen(shown);
    if (!typed.includes(shown)) {
      setDraft(shown);
      setProblem(null);
      setTyped([]);
    }
  }

  /** Why `day` cannot be taken, or null. */
  const outOfBounds = (day: string): string | null => {
    if (min && day < min) return t('dateTooEarly', { date: formatDate(min, pattern) });
    if (max && day > max) return t('dateTooLate', { date: formatDate(max, pattern) });
    return null;
  };
  const take = (text: string, final: boolean) => {
    if (text.trim() === '') {
      setProblem(null);
      if (value !== null) onChange(null);
      return;
    }
    const day = parseDate(text, pattern);
    const refusal = day ? outOfBounds(day) : final ? t('dateInvalid', { text: text.trim().slice(0, 40), pattern: hint }) : null;
    if (day && !refusal) {
      setProblem(null);
      if (final) {
        setDraft(formatDate(day, pattern));
        setTyped([]);
      } else if (day !== value) setTyped((days) => [...days, formatDate(day, pattern)]);
      if (day !== value) onChange(day);
      return;
    }
    if (!final) return;
    setProblem(shown ? `${refusal} ${t('dateKept', { date: shown })}` : refusal);
    setDraft(shown);
    setTyped([]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') take(draft, true);
    else if (event.key === 'Escape' && (draft !== shown || problem)) {
      // Only the edit is undone: the dialog or panel around the field stays open.
      event.preventDefault();
      event.stopPropagation();
      setDraft(shown);
      setProblem(null);
      setTyped([]);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const from = parseDate(draft, pattern) ?? value ?? localTodayIso();
      const next = addDays(from, event.key === 'ArrowUp' ? 1 : -1);
      setTyped([]);
      if (!outOfBounds(next)) onChange(next);
    }
  };

  return (
    <span className="date-field">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        size={10}
        placeholder={hint}
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${problemId} ${hintId}` : hintId}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          take(event.target.value, false);
        }}
        onBlur={() => take(draft, true)}
        onKeyDown={onKeyDown}
        data-testid={testId}
        data-value={value ?? ''}
      />
      <span id={hintId} className="visually-hidden">
        {t('dateFormat', { pattern: hint })}
      </span>
      {problem && (
        <span id={problemId} className="field-problem" role="alert" data-testid={testId ? `${testId}-problem` : undefined}>
          {problem}
        </span>
      )}
    </span>
  );
});
