import { refused, type Refused } from '@/lib/domain/outcomes';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type FileRefusal } from './parse';

/** A file refusal as the one refusal table says it: its reason and the sentence's key (messages: refusals). */
export function fileRefused(r: FileRefusal): Refused {
  switch (r.kind) {
    case 'too-large':
      return refused('too-large', 'importTooLarge', { max: `${Math.round(IMPORT_MAX_BYTES / 1000)} kB` });
    case 'too-many-rows':
      return refused('too-large', 'importTooManyRows', { max: String(IMPORT_MAX_ROWS) });
    case 'not-text':
      return refused('invalid-input', 'importNotText');
    case 'empty':
      return refused('invalid-input', 'importEmpty');
    case 'header':
      return refused('invalid-input', 'importHeader');
    case 'columns':
      return refused('invalid-input', 'importColumns', { line: String(r.line), found: String(r.found) });
    case 'quotes':
      return refused('invalid-input', 'importQuotes', { line: String(r.line) });
    case 'formula':
      return refused('invalid-input', 'importFormula', { line: String(r.line), cell: r.cell });
  }
}
