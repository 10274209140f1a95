/** Word matching of the Hulpwijzer's question understanding, without a database. */
import { describe, expect, it } from 'vitest';
import { buildVocabulary, chosenNeeds, classify, stemMatch, tokenize } from './understand.js';

describe('tokenize', () => {
  it('lowercases, drops accents and splits on punctuation', () => {
    expect(tokenize('Suïcide?! Burn-out, coöperatie & DigiD')).toEqual([
      'suicide',
      'burn',
      'out',
      'cooperatie',
      'digid',
    ]);
  });
});

describe('stemMatch', () => {
  it('is 1 for the same stem and 0 for another word', () => {
    expect(stemMatch('dementie', 'dementie')).toBe(1);
    expect(stemMatch('fiets', 'dementie')).toBe(0);
  });
  it('forgives one typo in a short word and two in a long one, not more', () => {
    expect(stemMatch('dementei', 'dementie')).toBe(0.8);
    expect(stemMatch('alzeimer', 'alzheimer')).toBe(0.8);
    expect(stemMatch('mantlzrg', 'mantelzorg')).toBe(0.8);
    expect(stemMatch('geld', 'gild')).toBe(0.8);
    expect(stemMatch('geld', 'gold')).toBe(0.8);
    expect(stemMatch('geld', 'gaat')).toBe(0);
    expect(stemMatch('xyzzyzorg', 'mantelzorg')).toBe(0);
  });
  it('recognises a compound that starts or ends with a known word', () => {
    expect(stemMatch('dementiezorg', 'dementie')).toBe(0.6);
    expect(stemMatch('gokprobleem', 'gok')).toBe(0.7);
    expect(stemMatch('gokautomat', 'gok')).toBe(0);
  });
});

describe('classify', () => {
  const stems = new Map<string, string | null>([
    ['even', 'even'],
    ['logeren', 'loger'],
    ['dementie', 'dementie'],
    ['mantelzorg', 'mantelzorg'],
    ['eenzaam', 'eenzam'],
    ['geheugen', 'geheug'],
  ]);
  const vocabulary = buildVocabulary(
    [
      { code: 'mantelzorg', name: 'mantelzorg', keywords: ['even logeren', 'logeren'] },
      { code: 'dementie', name: 'dementie', keywords: ['geheugen'] },
      { code: 'eenzaamheid', name: 'eenzaam', keywords: [] },
    ],
    stems,
  );
  it('scores a need higher when a whole phrase of it is in the question', () => {
    const scores = classify(['even', 'loger', 'dementie'], vocabulary);
    expect(scores.map((s) => s.code)).toEqual(['mantelzorg', 'dementie']);
    expect(scores[0]?.score).toBe(2.5);
  });
  it('leaves out needs without a match and chooses only needs close to the best', () => {
    expect(classify(['fiets'], vocabulary)).toEqual([]);
    expect(
      chosenNeeds([
        { code: 'a', score: 8 },
        { code: 'b', score: 1.2 },
        { code: 'c', score: 1.1 },
        { code: 'd', score: 1 },
      ]),
    ).toEqual(['a', 'b']);
    expect(chosenNeeds([{ code: 'a', score: 0.6 }])).toEqual(['a']);
    expect(
      chosenNeeds([
        { code: 'a', score: 2 },
        { code: 'b', score: 0.8 },
      ]),
    ).toEqual(['a']);
  });
});
