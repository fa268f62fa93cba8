import { createHash } from 'node:crypto';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { cardImportRows, cardImports, type RejectedImportRow } from '@/lib/db/schema';
import type { Refused } from '@/lib/domain/outcomes';
import { queueImportedCards, registrationStates } from '@/lib/registrations/imported';
import { checkImportRows, type CheckDeps, type CheckedRow, type RowReason } from './check';
import { fileRefused } from './file-refusal';
import { parseImportFile } from './parse';

export type ImportFile = { name: string; bytes: Uint8Array };
export type DryRun = { kind: 'dry-run'; rows: CheckedRow[]; ok: number; bad: number };
export type Started = { kind: 'started'; importId: string; rows: number; queued: number; known: number; rejected: RejectedImportRow[] };

/** What would happen to each row; nothing is written and nothing queued. */
export async function dryRunImport(deps: CheckDeps, file: ImportFile): Promise<DryRun | Refused> {
  const parsed = parseImportFile(file.bytes);
  if (!parsed.ok) return fileRefused(parsed.refusal);
  const rows = await checkImportRows(deps, parsed.lines);
  const ok = rows.filter((r) => r.ok).length;
  return { kind: 'dry-run', rows, ok, bad: rows.length - ok };
}

/**
 * The real run: every row checked again (a dry run may be old), then in ONE transaction the import
 * recorded, its good rows queued as registrations (the registration queue, drained by the worker
 * at Fenerum's budget in the bulk lane) and the refused rows kept with their reasons. A card an
 * earlier import already holds is not queued again: the same file twice adds nothing. Nothing is
 * half-written: a crash before the commit leaves nothing, after it the queue is durable and the
 * worker of any instance finishes it. Audited (`card.import_started`).
 */
export async function startImport(deps: CheckDeps, file: ImportFile, by: { actor: string; ip: string | null }): Promise<Started | Refused> {
  const parsed = parseImportFile(file.bytes);
  if (!parsed.ok) return fileRefused(parsed.refusal);
  const checked = await checkImportRows(deps, parsed.lines);
  const importId = crypto.randomUUID();
  const fileHash = createHash('sha256').update(file.bytes).digest('hex');
  const rejected: RejectedImportRow[] = checked
    .filter((r) => !r.ok)
    .map((r) => ({ line: r.line, account: r.account, gateway: r.gateway, token: r.token, reason: r.reason, ...(r.detail ? { detail: r.detail } : {}) }));
  const good = checked.filter((r): r is Extract<CheckedRow, { ok: true }> => r.ok);
  return deps.db.transaction(async (tx) => {
    // Cards an earlier import brought already: nothing new for them.
    const already = new Set<string>();
    for (let i = 0; i < good.length; i += 500) {
      const part = good.slice(i, i + 500);
      const rows = await tx
        .select({ account: cardImportRows.accountCode, gateway: cardImportRows.gateway, token: cardImportRows.token })
        .from(cardImportRows)
        .where(
          inArray(
            cardImportRows.token,
            part.map((g) => g.token),
          ),
        );
      for (const r of rows) already.add(`${r.account}\u0000${r.gateway}\u0000${r.token}`);
    }
    const fresh = good.filter((g) => !already.has(`${g.account}\u0000${g.gateway}\u0000${g.token}`));
    let queued = 0;
    let known = good.length - fresh.length;
    for (let i = 0; i < fresh.length; i += 500) {
      const part = fresh.slice(i, i + 500);
      const regs = await queueImportedCards(
        tx,
        part.map((g) => ({ accountCode: g.account, accountUuid: g.accountUuid, gateway: g.gateway, token: g.token, card: g.card })),
      );
      const rows = part.flatMap((g, j) => {
        const reg = regs[j];
        if (!reg) return [];
        if (reg.accountCode !== g.account) {
          rejected.push({ line: g.line, account: g.account, gateway: g.gateway, token: g.token, reason: 'held-by-other-account' });
          return [];
        }
        if (reg.madeNow) queued++;
        else known++;
        return [{ id: crypto.randomUUID(), importId, line: g.line, accountCode: g.account, gateway: g.gateway, token: g.token, registrationId: reg.id }];
      });
      if (rows.length) await tx.insert(cardImportRows).values(rows).onConflictDoNothing();
    }
    rejected.sort((a, b) => a.line - b.line);
    await tx.insert(cardImports).values({
      id: importId,
      fileName: file.name.slice(0, 200),
      fileHash,
      createdBy: by.actor,
      totalRows: checked.length,
      queuedRows: queued,
      knownRows: known,
      rejected,
    });
    await audit(tx, {
      actor: by.actor,
      action: 'card.import_started',
      subject: importId,
      details: { file: file.name.slice(0, 200), sha256: fileHash, rows: checked.length, queued, known, rejected: rejected.length },
      ip: by.ip,
    });
    return { kind: 'started' as const, importId, rows: checked.length, queued, known, rejected };
  });
}

export type ImportProgress = {
  id: string;
  fileName: string;
  createdBy: string;
  createdAt: Date;
  rows: number;
  /** Registered with Fenerum by this import, plus the rows an earlier import (or the portal) already held. */
  done: number;
  /** Queued, not registered yet. */
  left: number;
  /** Refused at the check, or refused by Fenerum for good. */
  failed: number;
  /** Seconds until the rest is done at the rate so far; null before the first card or once done. */
  secondsLeft: number | null;
};

/** Where an import stands: done / left / failed, and the time left at its rate so far. */
export async function importProgress(db: Db, importId: string, now = new Date()): Promise<ImportProgress | null> {
  const [job] = await db.select().from(cardImports).where(eq(cardImports.id, importId)).limit(1);
  if (!job) return null;
  const rows = await db.select({ registrationId: cardImportRows.registrationId }).from(cardImportRows).where(eq(cardImportRows.importId, importId));
  const states = await registrationStates(
    db,
    rows.map((r) => r.registrationId),
  );
  const done = states.filter((s) => s.status === 'registered');
  const failed = states.filter((s) => s.status === 'failed').length + job.rejected.length;
  const left = states.length - done.length - (failed - job.rejected.length);
  const doneNow = done.filter((s) => s.updatedAt >= job.createdAt);
  const lastDone = Math.max(...doneNow.map((s) => s.updatedAt.getTime()));
  let secondsLeft: number | null = null;
  if (left > 0 && doneNow.length > 0) {
    const perCardMs = (Math.max(lastDone, now.getTime()) - job.createdAt.getTime()) / doneNow.length;
    secondsLeft = Math.ceil((perCardMs * left) / 1000);
  }
  return {
    id: job.id,
    fileName: job.fileName,
    createdBy: job.createdBy,
    createdAt: job.createdAt,
    rows: job.totalRows,
    done: done.length + job.knownRows,
    left,
    failed,
    secondsLeft,
  };
}

/** The latest imports, newest first, with their progress. */
export async function recentImports(db: Db, limit = 10): Promise<ImportProgress[]> {
  const jobs = await db.select({ id: cardImports.id }).from(cardImports).orderBy(desc(cardImports.createdAt)).limit(limit);
  const out = await Promise.all(jobs.map((j) => importProgress(db, j.id)));
  return out.filter((p): p is ImportProgress => p !== null);
}

export type FailedRow = {
  line: number;
  account: string;
  gateway: string;
  token: string;
  reason: RowReason | 'held-by-other-account' | 'fenerum-refused';
  detail?: string;
};

/**
 * An import's failed rows in file order: refused at the check, or refused by Fenerum for good
 * (its own words as the detail). Reading them is audited (`card.import_failed_rows`): the file
 * holds customers' card tokens.
 */
export async function importFailedRows(db: Db, importId: string, by: { actor: string; ip: string | null }): Promise<FailedRow[] | null> {
  const [job] = await db.select().from(cardImports).where(eq(cardImports.id, importId)).limit(1);
  if (!job) return null;
  const rows = await db.select().from(cardImportRows).where(eq(cardImportRows.importId, importId)).orderBy(asc(cardImportRows.line));
  const states = new Map(
    (
      await registrationStates(
        db,
        rows.map((r) => r.registrationId),
      )
    ).map((s) => [s.id, s]),
  );
  const refusedByFenerum: FailedRow[] = rows.flatMap((r) => {
    const s = states.get(r.registrationId);
    if (s?.status !== 'failed') return [];
    return [
      {
        line: r.line,
        account: r.accountCode,
        gateway: r.gateway,
        token: r.token,
        reason: 'fenerum-refused' as const,
        detail: s.lastError ?? s.refusal ?? undefined,
      },
    ];
  });
  await audit(db, {
    actor: by.actor,
    action: 'card.import_failed_rows',
    subject: importId,
    details: { rows: job.rejected.length + refusedByFenerum.length },
    ip: by.ip,
  });
  return [...job.rejected.map((r) => ({ ...r, reason: r.reason as FailedRow['reason'] })), ...refusedByFenerum].sort((a, b) => a.line - b.line);
}
