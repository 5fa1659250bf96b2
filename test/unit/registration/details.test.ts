import { describe, expect, it } from 'vitest';
import { DEMO_ENROLMENT } from '../../../seeds/enrolment';
import { describeDetails, detailsOf } from '../../../src-main/registration/details';

const WHO = 'Figlio 1 (Marco Bianchi)';

describe('enrolment details', () => {
  it('keeps the diet and its certificate for the meals', () => {
    const d = detailsOf(
      DEMO_ENROLMENT,
      { service: 'refezione', schoolYear: '2026/2027', diet: { type: 'Vegetariana', certificate: 'Dichiarazione' } },
      WHO,
    );
    expect(describeDetails(d)).toBe('Dieta: Vegetariana (certificato: Dichiarazione)');
  });

  it('copies route and stop names from the configuration for the bus', () => {
    const d = detailsOf(
      DEMO_ENROLMENT,
      {
        service: 'trasporto',
        schoolYear: '2026/2027',
        transport: { routeCode: 'L3', stopCode: 'L3-02', direction: 'ritorno' },
      },
      WHO,
    );
    expect(d.transport).toEqual({
      routeCode: 'L3',
      routeName: 'Linea 3 - Gragnana, Bedizzano',
      stopCode: 'L3-02',
      stopName: 'Bedizzano, fermata della Chiesa',
      direction: 'ritorno',
    });
    expect(describeDetails(d)).toBe(
      'Linea 3 - Gragnana, Bedizzano, fermata Bedizzano, fermata della Chiesa, solo ritorno',
    );
  });

  it('defaults the nursery to full time', () => {
    expect(detailsOf(DEMO_ENROLMENT, { service: 'asilo_nido', schoolYear: '2026/2027' }, WHO)).toEqual({
      nidoTime: 'tempo_pieno',
    });
    expect(describeDetails({ nidoTime: 'part_time', iseeNote: 'ISEE scaduto' })).toBe('Part time; ISEE scaduto');
  });

  it('refuses fields of another service, unknown diets, routes and stops, and a bus without a stop', () => {
    const bad = [
      [
        { service: 'trasporto', schoolYear: '2026/2027', diet: { type: 'Vegetariana', certificate: 'x' } },
        /la dieta speciale vale solo per la refezione/,
      ],
      [{ service: 'refezione', schoolYear: '2026/2027', nidoTime: 'part_time' }, /l'orario vale solo per l'asilo nido/],
      [
        { service: 'refezione', schoolYear: '2026/2027', diet: { type: 'Paleo', certificate: 'x' } },
        /dieta "Paleo" non prevista/,
      ],
      [{ service: 'trasporto', schoolYear: '2026/2027' }, /indicare linea, fermata e direzione/],
      [
        {
          service: 'trasporto',
          schoolYear: '2026/2027',
          transport: { routeCode: 'L9', stopCode: 'x', direction: 'andata' },
        },
        /linea L9 sconosciuta/,
      ],
    ] as const;
    for (const [input, message] of bad) {
      expect(() => detailsOf(DEMO_ENROLMENT, input, WHO)).toThrow(message);
    }
  });
});
