import boutiqueHotel from './data/boutique-hotel.json' with { type: 'json' };
import officeSupplies from './data/office-supplies.json' with { type: 'json' };
import sameDayDelivery from './data/same-day-delivery.json' with { type: 'json' };
import shoeStore from './data/shoe-store.json' with { type: 'json' };
import { type Scenario, scenarioSchema } from './scenario-schema.js';

/** The scenarios shipped with the game, checked against the schema when first loaded. */
export const BUILTIN_SCENARIOS: readonly Scenario[] = [officeSupplies, shoeStore, boutiqueHotel, sameDayDelivery].map((data) =>
  scenarioSchema.parse(data),
);

export const DEFAULT_SCENARIO_ID = 'office-supplies';

export function findScenario(id: string): Scenario | undefined {
  return BUILTIN_SCENARIOS.find((scenario) => scenario.id === id);
}
