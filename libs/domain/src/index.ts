export * from './zone';
export * from './policies/nmg-2022-zone';
export * from './consortium';
export * from './policies';
export * from './shared/working-days';
export * from './subsidy';
export * from './policies/funding';
