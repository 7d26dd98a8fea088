package org.iskra.media;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;

/**
 * Every step after decoding works on 8-bit sRGB in one of Java2D's standard layouts, with alpha when the source
 * has it. A JPEG or PNG already in such a layout is kept as decoded: a copy would double the heap the decoded
 * pixels take. Colour-managed sources (Adobe RGB, Display P3, CMYK turned RGB by the JPEG plugin) are converted,
 * since variants carry no profile and browsers show untagged images as sRGB. Grey images are copied as they are:
 * Java's grey colour space is linear, but the stored values are gamma-encoded like sRGB, and a colour conversion
 * would wash them out.
 */
final class SrgbPixels {

    private SrgbPixels() {
    }

    static BufferedImage of(BufferedImage src) {
        boolean alpha = src.getColorModel().hasAlpha();
        int type = src.getType();
        boolean standard = alpha ? type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_4BYTE_ABGR
                : type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR;
        if (standard) {
            return src;
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        ColorSpace space = src.getColorModel().getColorSpace();
        if (space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY) {
            Graphics2D g = out.createGraphics();
            g.setComposite(AlphaComposite.Src);
            g.drawImage(src, 0, 0, null);
            g.dispose();
        } else {
            new ColorConvertOp(null).filter(src, out);
        }
        return out;
    }
}
