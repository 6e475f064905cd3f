/**
 * Charts of a report drawn as inline SVG on the server: pure Java, no script, no external
 * resources, so a page prints and reads the same with or without a browser's help. Every
 * series is told apart by shape and dash as well as by colour (legible in grey print).
 */
package org.paragrade.report.charts;
