package org.openicr.web.record;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A stored PDF as a page of images, rendered on the server with Apache PDFBox: the browser never
 * receives the PDF, so its viewer never runs a script the PDF carries (an /OpenAction, a form's
 * actions). PDFBox draws the pages and runs none of them. At most {@link #MAX_PAGES} pages at
 * {@link #DPI} dots per inch; the answers of the last {@link #CACHED} documents are kept in memory,
 * keyed by the SHA-256 of the PDF's bytes (the access decision is made before, on every request).
 */
final class PdfPages {

    static final int MAX_PAGES = 30;
    static final float DPI = 100f;
    static final int CACHED = 16;

    private static final Map<String, byte[]> CACHE = Collections.synchronizedMap(new LinkedHashMap<>(32, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED;
        }
    });

    private PdfPages() {}

    /** An HTML page (no script, images as data: URIs) showing the PDF's pages. */
    static byte[] html(byte[] pdf) {
        String key = sha256(pdf);
        byte[] cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] page = render(pdf).getBytes(StandardCharsets.UTF_8);
        CACHE.put(key, page);
        return page;
    }

    private static String render(byte[] pdf) {
        StringBuilder html = new StringBuilder(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Document</title><style>"
                        + "body{margin:0;background:#eceff1;font-family:Arial,sans-serif;color:#212b32}"
                        + "img{display:block;max-width:100%;height:auto;margin:8px auto;background:#fff;"
                        + "box-shadow:0 1px 4px #90a4ae}p{margin:12px}</style></head><body><main>");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            PDFRenderer renderer = new PDFRenderer(document);
            int shown = Math.min(pages, MAX_PAGES);
            for (int i = 0; i < shown; i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, DPI, ImageType.RGB);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                html.append("<img class=\"pdf-page\" alt=\"Page ")
                        .append(i + 1)
                        .append(" of ")
                        .append(pages)
                        .append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(png.toByteArray()))
                        .append("\">");
            }
            if (pages == 0) {
                html.append("<p>This document has no pages.</p>");
            }
            if (pages > shown) {
                html.append("<p id=\"pages-not-shown\">Pages ")
                        .append(shown + 1)
                        .append(" to ")
                        .append(pages)
                        .append(" are not shown here. Ask the sending organisation for the full document.</p>");
            }
        } catch (IOException | RuntimeException unreadable) {
            html.append("<p id=\"pdf-unreadable\">This document could not be shown: the PDF the source sent"
                    + " cannot be read. Ask the sending organisation for a copy.</p>");
        }
        return html.append("</main></body></html>").toString();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
