import { describe, expect, it } from 'vitest';
import { maskSensitiveText } from './masking.js';

describe('masking before a text is stored or leaves the process', () => {
  it('masks document numbers, MRZ lines, emails, phones and Luhn-valid card numbers, and keeps names and dates', () => {
    const text = [
      'Full name: Jane Roe',
      'Passport No: X1234567',
      'ID number - 80010150',
      'P<UTOROE<<JANE<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<',
      'Email: jane.roe@example.com',
      'Phone: +44 20 7946 0958',
      'Card 4111 1111 1111 1111 on file; order 1234 5678 9012 3456 is not a card',
      'Ref AB123456CD',
      'Date of birth: 1980-02-03',
    ].join('\n');
    const { text: masked, report } = maskSensitiveText(text);
    for (const secret of ['X1234567', '80010150', 'P<UTOROE', 'jane.roe@example.com', '7946 0958', '4111 1111 1111 1111', 'AB123456CD']) {
      expect(masked).not.toContain(secret);
    }
    expect(masked).toContain('Full name: Jane Roe');
    expect(masked).toContain('Date of birth: 1980-02-03');
    expect(masked).toContain('1234 5678 9012 3456');
    expect(report).toEqual({ documentNumbers: 4, emails: 1, phones: 1, cards: 1 });
  });
});
