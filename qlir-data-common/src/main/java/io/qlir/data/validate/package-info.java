/**
 * The validator: checks a slice directory's manifest, files and rows against the store's rules.
 *
 * <p><b>Key mental model.</b> {@link io.qlir.data.validate.ManifestValidator} is a read-only auditor: it never
 * throws on bad data and never changes anything; it returns a {@link io.qlir.data.validate.ValidationReport} of
 * {@link io.qlir.data.validate.Violation}s, each naming a {@link io.qlir.data.validate.Rule}, a {@link
 * io.qlir.data.validate.Severity}, the slice and the facts. "Clean" means no ERROR: gaps inside
 * {@code historical_sparsity} slices are real upstream gaps and only WARNINGs. Metadata mode (the default) reads the
 * manifest and one directory listing; deep mode also reads every slice file. The writer's reconcile repairs; the
 * validator only reports.
 * <pre>{@code
 * ValidationReport r = ManifestValidator.validate(dir, ValidationMode.DEEP);
 * System.out.println(r.describe());
 * r.toTable().print();          // one row per violation
 * }</pre>
 */
package io.qlir.data.validate;
