export * from './money.view';
export * from './consortium.view';
export * from './subsidy.view';
export * from './zone.view';
export * from './policy-catalogue.view';
export * from './policies-doc/policies-doc';
