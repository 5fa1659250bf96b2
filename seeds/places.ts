/**
 * Places of birth (Belfiore codes) and home addresses of the demo families: mostly Carrara,
 * then the nearby comuni, then a few foreign countries (Z-codes), as in the real roster.
 */
export const CHILD_BIRTHPLACES: readonly (readonly [string, number])[] = [
  ['B832', 75], // Carrara
  ['F023', 10], // Massa (the hospital of the Apuan coast)
  ['G628', 4], // Pietrasanta
  ['E463', 2], // La Spezia
  ['I449', 1], // Sarzana
  ['G702', 1], // Pisa
  ['Z129', 2], // Romania
  ['Z100', 2], // Albania
  ['Z330', 1.5], // Marocco
  ['Z210', 0.75], // Cina
  ['Z138', 0.75], // Ucraina
];

export const PARENT_BIRTHPLACES: readonly (readonly [string, number])[] = [
  ['B832', 55], // Carrara
  ['F023', 12], // Massa
  ['G628', 3], // Pietrasanta
  ['E463', 4], // La Spezia
  ['I449', 3], // Sarzana
  ['D629', 2], // Fivizzano
  ['E715', 2], // Lucca
  ['D969', 2], // Genova
  ['Z129', 4], // Romania
  ['Z100', 4], // Albania
  ['Z330', 3], // Marocco
  ['Z210', 1.5], // Cina
  ['Z138', 1.5], // Ucraina
  ['Z602', 1], // Brasile
  ['Z343', 1], // Senegal
];

/** Streets with their frazione and postal code. */
export const STREETS: readonly { street: string; locality: string; cap: string }[] = [
  { street: 'Via Roma', locality: 'Carrara', cap: '54033' },
  { street: 'Via Carriona', locality: 'Carrara', cap: '54033' },
  { street: 'Viale XX Settembre', locality: 'Carrara', cap: '54033' },
  { street: 'Via Verdi', locality: 'Carrara', cap: '54033' },
  { street: 'Via Santa Maria', locality: 'Carrara', cap: '54033' },
  { street: 'Via Ulivi', locality: 'Carrara', cap: '54033' },
  { street: 'Via Fivizzano', locality: 'Bedizzano', cap: '54033' },
  { street: 'Via Colonnata', locality: 'Bedizzano', cap: '54033' },
  { street: 'Via Provinciale', locality: 'Fossola', cap: '54033' },
  { street: 'Via Nazzano', locality: 'Nazzano', cap: '54033' },
  { street: 'Via Aurelia', locality: 'Avenza', cap: '54031' },
  { street: 'Via Giovan Pietro', locality: 'Avenza', cap: '54031' },
  { street: 'Via Toniolo', locality: 'Avenza', cap: '54031' },
  { street: 'Via Bonascola', locality: 'Bonascola', cap: '54031' },
  { street: 'Via Fossone Basso', locality: 'Fossone', cap: '54031' },
  { street: 'Viale Galilei', locality: 'Marina di Carrara', cap: '54036' },
  { street: 'Viale Colombo', locality: 'Marina di Carrara', cap: '54036' },
  { street: 'Via Rinchiosa', locality: 'Marina di Carrara', cap: '54036' },
  { street: 'Via Genova', locality: 'Marina di Carrara', cap: '54036' },
  { street: 'Viale Da Verrazzano', locality: 'Marina di Carrara', cap: '54036' },
  { street: 'Via Covetta', locality: 'Marina di Carrara', cap: '54036' },
];
