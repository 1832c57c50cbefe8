package org.openicr.tools.epr;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The EPR's published keys (JWK Set): the record verifies its launch tokens against them. */
@WebServlet("/.well-known/jwks.json")
public class KeysServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    EprKeys keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/jwk-set+json");
        response.setHeader("Cache-Control", "max-age=300");
        response.getWriter().write(keys.published());
    }
}
