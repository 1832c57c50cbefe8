/**
 * SOAP endpoints under {@code /ws/}: POJO {@code @WebService} classes declared as servlets in
 * web.xml, so the WAR's authentication mechanism protects them. Each implements a port generated
 * from the committed WSDL, maps the contract's types to the domain's and delegates to a boundary.
 */
package org.openicr.ws;
