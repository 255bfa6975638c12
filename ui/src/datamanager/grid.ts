// The Data Manager's grid view (issue 12): a thumbnail (the first image-looking value of the task data) and the first
// words of its text. Pure.
import type { JSONValue } from '../shared/api/types';

const IMAGE = /^(https?:\/\/\S+\.(png|jpe?g|gif|webp|bmp|svg)(\?\S*)?|data:image\/[a-z+]+;base64,\S+)$/i;

/** The first value of the data (depth first, in key order) that names an image, or null. */
export function thumbnailOf(data: JSONValue): string | null {
  if (typeof data === 'string') return IMAGE.test(data.trim()) ? data.trim() : null;
  if (Array.isArray(data)) {
    for (const v of data) {
      const found = thumbnailOf(v);
      if (found) return found;
    }
    return null;
  }
  if (data !== null && typeof data === 'object') {
    for (const v of Object.values(data)) {
      const found = thumbnailOf(v);
      if (found) return found;
    }
  }
  return null;
}

/** The first words of the first text value that is not an image, at most {@code maxChars}. */
export function firstWords(data: JSONValue, maxChars = 80): string {
  const text = firstText(data);
  if (!text) return '';
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars / 2 ? cut.slice(0, space) : cut}…`;
}

function firstText(data: JSONValue): string | null {
  if (typeof data === 'string') return IMAGE.test(data.trim()) ? null : data;
  if (Array.isArray(data)) {
    for (const v of data) {
      const t = firstText(v);
      if (t) return t;
    }
    return null;
  }
  if (data !== null && typeof data === 'object') {
    for (const v of Object.values(data)) {
      const t = firstText(v);
      if (t) return t;
    }
  }
  return null;
}

/**
 * A grid card's thumbnail and text from the labeling config's object tags (an Image's field, a Text's field), else
 * the first image-looking value and the first text of the data.
 */
export function cardOf(data: JSONValue, objects: { type: string; valueField: string | null }[]): { thumbnail: string | null; text: string } {
  const field = (type: RegExp): JSONValue | undefined => {
    const o = objects.find((x) => type.test(x.type) && x.valueField);
    if (!o || data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
    return data[o.valueField!.replace(/^\$/, '')];
  };
  const image = field(/^Image$/);
  const text = field(/^(Text|HyperText|Paragraphs|Header)$/);
  return {
    thumbnail: typeof image === 'string' && image.trim() !== '' ? image.trim() : thumbnailOf(data),
    text: text !== undefined ? firstWords(typeof text === 'string' ? text : JSON.stringify(text)) : firstWords(data),
  };
}
