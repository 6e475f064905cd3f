/**
 * Reading untrusted zip archives (student uploads, instructor bundles) safely: names normalised
 * and kept inside, regular files only, caps on entries and on streamed uncompressed bytes.
 * Nothing here touches the file system.
 */
package org.paragrade.archive;
