/** Statements through the firm's own Word template: data model, safe filling, template lookup. */
export { statementTemplateData, templateLabels, type TemplateAgingBucket, type TemplateLine, type TemplateSection } from './templateData';
export { fillTemplate, MAX_TEMPLATE_BYTES, MAX_TEMPLATE_UNZIPPED_BYTES } from './fillTemplate';
export { completeStatementSample, mergeSample } from './templateSample';
export { checkTag, lookupPath, safeParser, type TagCheck } from './safeParser';
export { builtinTemplatesDir, checkTemplateName, DEFAULT_TEMPLATE_FILES, resolveTemplate } from './resolveTemplate';
export { TemplateError, type TemplateProblem, type TemplateProblemCode } from './templateError';
