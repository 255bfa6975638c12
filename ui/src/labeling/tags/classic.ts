// Label Studio's classifications (Choices, Rating, TextArea, Number) for the objects we render (Pdf, List, Video;
// ADR 0035). Document level, as Label Studio's PDF template; with perItem="true" on a Pdf, one item per page with
// Label Studio's item_index (0-based). Pure.
import type { OwnControl, ResultItem } from '../bridge';
import { withValue } from './own';

/** The value key of each control's result (Label Studio's: type = tag in lower case). */
export function valueKey(tag: string): 'choices' | 'rating' | 'text' | 'number' {
  return tag === 'Choices' ? 'choices' : tag === 'Rating' ? 'rating' : tag === 'TextArea' ? 'text' : 'number';
}

export function perItem(c: OwnControl): boolean {
  return c.attributes.perItem === 'true';
}

/** The item of a control (on a page for perItem controls); undefined when none. */
export function classicItem(items: ResultItem[], c: OwnControl, itemIndex: number | null): ResultItem | undefined {
  return items.find((i) => i.from_name === c.name && (itemIndex === null ? i.item_index === undefined : i.item_index === itemIndex));
}

/** The options of a Choices control: Choice values (an alias replaces the value in results, as in Label Studio). */
export function choiceValues(c: OwnControl): { value: string; label: string }[] {
  return (c.options ?? []).filter((o) => o.tag === 'Choice').map((o) => ({ value: o.attributes.alias ?? o.attributes.value ?? '', label: o.attributes.value ?? '' }));
}

/**
 * The items after one control changed: its item replaced (keeping the stored item's other keys), or removed when
 * the value is empty (no choice, no text, no number).
 */
export function setClassic(items: ResultItem[], c: OwnControl, itemIndex: number | null, value: unknown): ResultItem[] {
  const old = classicItem(items, c, itemIndex);
  const rest = items.filter((i) => i !== old);
  const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === 'number' && !Number.isFinite(value));
  if (empty) return rest;
  const item = withValue(old, c, c.tag.toLowerCase(), { [valueKey(c.tag)]: value }, itemIndex === null ? {} : { item_index: itemIndex });
  return old ? items.map((i) => (i === old ? item : i)) : [...items, item];
}

/** Required classic controls without an item. */
export function missingRequired(items: ResultItem[], controls: OwnControl[]): string[] {
  return controls.filter((c) => c.attributes.required === 'true' && !items.some((i) => i.from_name === c.name)).map((c) => c.name);
}
