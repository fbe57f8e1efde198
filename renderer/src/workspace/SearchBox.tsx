import { forwardRef } from 'react';

interface Props {
  value: string;
  pending: boolean;
  onChange: (value: string) => void;
}

/** Global search on invoice number and customer (Ctrl/Cmd+F). */
export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox({ value, pending, onChange }, ref) {
  return (
    <div className="search" role="search">
      <label htmlFor="invoice-search" className="visually-hidden">
        Search invoices by number or customer
      </label>
      <input
        ref={ref}
        id="invoice-search"
        type="search"
        value={value}
        placeholder="Search number or customer (Ctrl+F)"
        onChange={(e) => onChange(e.target.value)}
        aria-keyshortcuts="Control+F Meta+F"
        aria-busy={pending || undefined}
        autoComplete="off"
        spellCheck={false}
        data-testid="search"
      />
    </div>
  );
});
