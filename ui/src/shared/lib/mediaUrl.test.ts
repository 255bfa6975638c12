import { describe, expect, it } from 'vitest';
import { mediaSrc } from './mediaUrl';

describe('mediaSrc', () => {
  it('sends http(s) URLs through the project proxy when the project allows it', () => {
    expect(mediaSrc('p1', 'https://img.example/cat 1.jpg?x=1&y=2', true)).toBe(
      '/api/projects/p1/media?url=https%3A%2F%2Fimg.example%2Fcat+1.jpg%3Fx%3D1%26y%3D2',
    );
    expect(mediaSrc('a/b', 'HTTP://img.example/a.png', true)).toBe('/api/projects/a%2Fb/media?url=HTTP%3A%2F%2Fimg.example%2Fa.png');
  });

  it('leaves URLs alone when the proxy is off', () => {
    expect(mediaSrc('p1', 'https://img.example/cat.jpg', false)).toBe('https://img.example/cat.jpg');
  });

  it('never proxies other schemes or relative paths', () => {
    expect(mediaSrc('p1', 'data:image/png;base64,AAAA', true)).toBe('data:image/png;base64,AAAA');
    expect(mediaSrc('p1', '/data/upload/1.png', true)).toBe('/data/upload/1.png');
    expect(mediaSrc('p1', 's3://bucket/key.png', true)).toBe('s3://bucket/key.png');
  });
});
