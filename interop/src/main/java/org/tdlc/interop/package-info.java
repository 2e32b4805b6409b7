/**
 * The files users already have. Each format lives in its own package ({@code onnx}, {@code scalesim},
 * {@code maestro}, {@code timeloop}); an importer reads that tool's files and returns {@code .tdl} text (a model,
 * a target, or both, keeping the source's layer names and writing as comments what it could not carry over);
 * an exporter writes a mapped layer in that tool's own input format. The cli's {@code import} and
 * {@code export} commands dispatch to them by format name (ImportCommand, ExportCommand).
 */
package org.tdlc.interop;
