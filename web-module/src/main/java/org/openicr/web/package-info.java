/**
 * The browser side of OpenICR: sign-in and the session's role profile, the record viewer pages and
 * the admin console. Backing beans are small and named after their page; they call the EJB
 * boundaries and never touch entities' persistence themselves.
 */
package org.openicr.web;
