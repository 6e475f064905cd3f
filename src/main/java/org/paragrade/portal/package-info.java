/**
 * The web portal: server-rendered Qute pages for students, graders and instructors. Resources
 * are thin: they call the services below, build plain view records inside a transaction and
 * hand them to type-safe templates ({@code templates/<Class>/<method>.html}, one layout
 * {@code main.html}). Portal resources answer their own errors with HTML pages (class-local
 * mappers that delegate to {@link org.paragrade.portal.ErrorPages}), so the API's JSON mappers
 * keep answering {@code /api}. Every state-changing form carries a CSRF token ({@link
 * org.paragrade.portal.CsrfToken}), verified by the name-bound {@link org.paragrade.portal.CsrfFilter}.
 */
package org.paragrade.portal;
