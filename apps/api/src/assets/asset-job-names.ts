export const RENDER_ASSETS_JOB = 'render-assets';
export const SWEEP_ORPHAN_OBJECTS_JOB = 'sweep-orphan-objects';
