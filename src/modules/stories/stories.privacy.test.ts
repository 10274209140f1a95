/** The privacy check of stories: each kind of flag, and no flag on places, organisations or sentence starts. */
import { describe, expect, it } from 'vitest';
import {
  checkPrivacy,
  findPhoneNumbers,
  hasBlockingFlags,
  isSentenceStart,
  maskKnownNames,
  nameSignature,
} from './stories.privacy.js';

const KNOWN = {
  places: ['Drenthe', 'Assen', 'Emmen', 'Coevorden', 'Marsdijk', 'Assen-Oost'],
  organisations: [
    'GGD Drenthe',
    'GGD',
    'Dokter Drenthe',
    'Zilveren Kruis',
    'Jan van Ommen Stichting',
  ],
};
const flags = (text: string) => checkPrivacy(text, KNOWN).map((f) => `${f.kind}:${f.fragment}`);

describe('e-mail addresses', () => {
  it('flags plain and dotted addresses', () => {
    expect(flags('Mail gerust naar j.jansen@voorbeeld.nl als je wilt.')).toEqual([
      'email:j.jansen@voorbeeld.nl',
    ]);
    expect(flags('Contact: info@ggd-drenthe.example.org.')).toEqual([
      'email:info@ggd-drenthe.example.org',
    ]);
  });
  it('does not flag an @ without a domain', () => {
    expect(flags('We zaten @ het buurthuis.')).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['Bel 06-12345678 maar.', '06-12345678'],
    ['Bel 0612345678 maar.', '0612345678'],
    ['Bel 06 1234 5678 maar.', '06 1234 5678'],
    ['Bel 06-12 34 56 78 maar.', '06-12 34 56 78'],
    ['Het nummer is 0592 123456.', '0592 123456'],
    ['Het nummer is 0592-123456.', '0592-123456'],
    ['Het nummer is 050 - 123 45 67.', '050 - 123 45 67'],
    ['Bel +31 6 12345678 of niet.', '+31 6 12345678'],
    ['Bel +31 (0)6 1234 5678 of niet.', '+31 (0)6 1234 5678'],
    ['Bel +31612345678 of niet.', '+31612345678'],
    ['Bel 0031 592 123456 of niet.', '0031 592 123456'],
  ])('flags %s', (text, fragment) => {
    expect(flags(text)).toEqual([`telefoon:${fragment}`]);
  });

  it.each([
    'Op 01-02-2024 12 mensen gesproken.',
    'Van 09.30 tot 10.30 uur.',
    'In 2024 en 2025 kwamen 120 mensen.',
    'Het kost 0,50 euro per kop.',
    'Postbus 1234 en 567.',
    'Op 2025-03-14 om 0900 begonnen.',
  ])('does not flag %s', (text) => {
    expect(findPhoneNumbers(text)).toEqual([]);
  });
});

describe('addresses', () => {
  it('flags a postcode with house number, either way round, and a street with a number', () => {
    expect(flags('Ze woont op 9401 AB 12 in Assen.')).toEqual(['adres:9401 AB 12']);
    expect(flags('Adres: Hoofdstraat 12, 9401 AB Assen.')).toEqual([
      'adres:Hoofdstraat 12, 9401 AB',
    ]);
    expect(flags('Hij woont aan de Kerkweg 3a.')).toEqual(['adres:Kerkweg 3a']);
  });
  it('does not flag a postcode alone, a wijk name with a number, or a year', () => {
    expect(flags('In postcodegebied 9401 is veel eenzaamheid.')).toEqual([]);
    expect(flags('In Marsdijk 3 keer per week een koffieochtend.')).toEqual([]);
    expect(flags('In 2024 is de Hoofdstraat opnieuw ingericht.')).toEqual([]);
  });
});

describe('probable names', () => {
  it('flags a title with a capitalised word, also with surname prefixes', () => {
    expect(flags('Toen kwam mevrouw Jansen langs.')).toEqual(['naam:mevrouw Jansen']);
    expect(flags('Gisteren belde meneer de Vries nog.')).toEqual(['naam:meneer de Vries']);
    expect(flags('Dat vond dhr. Bakker ook.')).toEqual(['naam:dhr. Bakker']);
    expect(flags('Meneer van der Berg kwam ook.')).toEqual(['naam:Meneer van der Berg']);
    expect(flags('Mijn oma Riek zei dat.')).toEqual(['naam:oma Riek']);
  });
  it('flags "ik ben/heet X" and "mijn naam is X"', () => {
    expect(flags('Hallo, ik heet Anna en woon hier.')).toEqual(['naam:ik heet Anna']);
    expect(flags('Ik ben Klaasje, 80 jaar.')).toEqual(['naam:Ik ben Klaasje']);
    expect(flags('Mijn naam is Bos.')).toEqual(['naam:Mijn naam is Bos']);
  });
  it('flags a listed first name inside a sentence, with its surname', () => {
    expect(flags('Toen Gerrit belde, ging het beter.')).toEqual(['naam:Gerrit']);
    expect(flags('Samen met Piet Wolters gingen we.')).toEqual(['naam:Piet Wolters']);
    expect(flags('Jan de Boer hielp ons.')).toEqual(['naam:Jan de Boer']);
  });
  it('does not flag a first-name word at a sentence start', () => {
    expect(flags('Wil je mee? Dat vroeg de buurvrouw.')).toEqual([]);
    expect(flags('Eerst alleen. Roos gaf ze later.')).toEqual([]);
    expect(flags('- Bas is een vis.')).toEqual([]);
    expect(flags('Ze zei: "Wil jij koffie?"')).toEqual([]);
    expect(flags('Ik zag hem.\nJan kwam later.')).toEqual([]);
  });
  it('does not flag places from the area table or organisation names', () => {
    expect(flags('Ik woon in Assen en werk in Emmen.')).toEqual([]);
    expect(flags('De GGD Drenthe en Dokter Drenthe hielpen ons.')).toEqual([]);
    expect(flags('Via de Jan van Ommen Stichting kregen we hulp.')).toEqual([]);
    expect(flags('De huisarts in Assen-Oost belde Zilveren Kruis.')).toEqual([]);
    expect(flags('Ik ben Assen nooit uit geweest.')).toEqual([]);
    expect(flags('Dat zei dokter Drenthe niet.')).toEqual([]);
  });
  it('masks one-word organisation names only in their own spelling', () => {
    const known = { places: [], organisations: ['GERRIT'] };
    expect(
      checkPrivacy('We gebruiken GERRIT. Toen Gerrit kwam, ging het beter.', known).map(
        (f) => f.fragment,
      ),
    ).toEqual(['Gerrit']);
  });
  it('does not flag lowercase words after a title', () => {
    expect(flags('De mevrouw van de thuiszorg kwam.')).toEqual([]);
    expect(flags('Mijn oma en opa wonen in Coevorden.')).toEqual([]);
  });
});

describe('combined results', () => {
  it('orders flags by position and says which block saving', () => {
    const found = checkPrivacy('Mevrouw Jansen belde 06-12345678 en mailde a@b.nl.', KNOWN);
    expect(found.map((f) => f.kind)).toEqual(['naam', 'telefoon', 'email']);
    expect(hasBlockingFlags(found)).toBe(true);
    expect(hasBlockingFlags(found.filter((f) => f.kind === 'naam'))).toBe(false);
    expect(nameSignature(found)).toBe('Mevrouw Jansen');
  });
  it('finds nothing in an ordinary story', () => {
    const text =
      'Sinds de koffieochtend in het dorpshuis kom ik weer onder de mensen. De wijkverpleegkundige wees me erop. Nu ga ik elke week.';
    expect(checkPrivacy(text, KNOWN)).toEqual([]);
  });
  it('masks known names by position-preserving underscores', () => {
    expect(maskKnownNames('In Assen, bij GGD Drenthe.', ['Assen', 'GGD Drenthe'])).toBe(
      'In _____, bij ___________.',
    );
    expect(isSentenceStart('Hallo. Jan', 7)).toBe(true);
    expect(isSentenceStart('Hallo Jan', 6)).toBe(false);
  });
});
