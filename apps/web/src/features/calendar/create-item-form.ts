// Turns the create-item form (text fields, and the channels and segments picked from the lists) into
// the API request, checked by the shared schema.
import { createContentItemRequestSchema, type ContentFormat, type CreateContentItemRequest } from '@vetted/contracts';

export interface CreateItemForm {
  title: string;
  format: ContentFormat;
  /** Value of an <input type="datetime-local">: "2026-12-03T09:00", local time. */
  plannedAt: string;
  /** Names picked from the admins' lists. */
  channels: string[];
  segments: string[];
  description: string;
  sourceItemId: string;
  claimIds: string;
  /** Empty, or the series this item becomes the next episode of. */
  seriesId: string;
  product: string;
  /** ISO 3166 alpha-2, typed in any case ("fr" becomes FR). */
  market: string;
  /** ISO 639-1, typed in any case ("FR" becomes fr). */
  language: string;
}

export type CreateItemField = keyof CreateItemForm;

/** Set once the editor saw the saturation warning and plans the piece anyway. */
export interface CreateItemOptions {
  confirmSaturation?: boolean;
}

export type CreateItemCheck = { ok: true; request: CreateContentItemRequest } | { ok: false; invalid: CreateItemField[] };

/** "HCP, Patients ,," → ["HCP", "Patients"] */
export function splitList(value: string): string[] {
  return value
    .split(/[,;\n]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

export function toCreateRequest(form: CreateItemForm, options: CreateItemOptions = {}): CreateItemCheck {
  const planned = form.plannedAt ? new Date(form.plannedAt) : null;
  const request: CreateContentItemRequest = {
    title: form.title.trim(),
    format: form.format,
    plannedAt: planned && !Number.isNaN(planned.getTime()) ? planned.toISOString() : '',
    channels: [...form.channels],
    segments: [...form.segments],
    claimIds: splitList(form.claimIds),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    ...(form.sourceItemId.trim() ? { sourceItemId: form.sourceItemId.trim() } : {}),
    ...(form.seriesId && form.format !== 'series' ? { seriesId: form.seriesId } : {}),
    ...(form.product.trim() ? { product: form.product.trim() } : {}),
    ...(form.market.trim() ? { market: form.market.trim().toUpperCase() } : {}),
    ...(form.language.trim() ? { language: form.language.trim().toLowerCase() } : {}),
    ...(options.confirmSaturation ? { confirmSaturation: true } : {}),
  };
  const parsed = createContentItemRequestSchema.safeParse(request);
  if (parsed.success) return { ok: true, request };
  const invalid = new Set<CreateItemField>();
  for (const issue of parsed.error.issues) invalid.add(issue.path[0] as CreateItemField);
  return { ok: false, invalid: [...invalid] };
}

/** datetime-local value for a local date at 09:00, the default planning time. */
export function defaultPlannedAt(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T09:00`;
}
