/** The sample project's name: the editor recognises the sample by it to explain what it is. */
export const SAMPLE_PROJECT_NAME = 'Sample — Lighthouse at dusk'
