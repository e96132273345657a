/**
 * <b>Key mental model.</b> Classes here break qlir's architecture rules on purpose, so that {@code ArchitectureTest}
 * can prove its rules fail when they should. Nothing outside that test uses them.
 */
package io.qlir.core.archfixture;
