import { describe, expect, it } from 'vitest';
import { moveBodyStylesToHead } from '../../src/lib/head-styles.ts';

describe('moveBodyStylesToHead', () => {
  it('moves style elements from the body to the end of the head, in order', () => {
    const html = '<html><head><title>x</title></head><body><p>a</p><style>a{}</style><div><style media="print">b{}</style></div></body></html>';
    expect(moveBodyStylesToHead(html)).toBe('<html><head><title>x</title><style>a{}</style><style media="print">b{}</style></head><body><p>a</p><div></div></body></html>');
  });

  it('leaves pages without body styles alone', () => {
    const html = '<html><head><style>a{}</style></head><body><p>a</p></body></html>';
    expect(moveBodyStylesToHead(html)).toBe(html);
  });
});
