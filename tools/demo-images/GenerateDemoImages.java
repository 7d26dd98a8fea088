import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws the illustrations of Iskra's demo articles and writes them into the article
 * bundles. Every scene uses its own fixed seed, so running the program again produces
 * byte-identical files. Pure Java2D; no text is ever drawn into an image.
 *
 * Run from the repository root: java tools/demo-images/GenerateDemoImages.java [articles-folder]
 */
public class GenerateDemoImages {

    static final int W = 1600;
    static final int H = 1000;
    static final float QUALITY = 0.85f;

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ImageIO.setUseCache(false);
        Path articles = Path.of(args.length > 0 ? args[0] : "src/main/resources/demo/content/articles");

        write(articles.resolve("war-in-the-caucasus/caucasus-front.jpg"), caucasusFront());
        write(articles.resolve("war-in-the-caucasus/caucasus-border-map.jpg"), caucasusBorderMap());
        write(articles.resolve("cost-of-living-strikes/strike-crowd.jpg"), strikeCrowd());
        write(articles.resolve("public-sector-strike/march-to-the-ministry.jpg"), marchToTheMinistry());
        write(articles.resolve("why-we-organize-internationally/connected-world.jpg"), connectedWorld());
        write(articles.resolve("every-rent-rise-is-a-wage-cut/city-at-dusk.jpg"), cityAtDusk());
        write(articles.resolve("wartime-labour-rights/morning-shift.jpg"), morningShift());
    }

    // ---------------------------------------------------------------- scenes

    /** Layered mountain ranges at dusk; a dashed front line runs along a middle crest. */
    static BufferedImage caucasusFront() {
        BufferedImage img = canvas();
        Graphics2D g = graphics(img);
        Random r = new Random(19_2026_09_27L);

        g.setPaint(new GradientPaint(0, 0, rgb(0x232B42), 0, 640, rgb(0xD79A5E)));
        g.fillRect(0, 0, W, H);
        glow(g, 1180, 520, 520, rgb(0xFFD29A), 0.55f);
        glow(g, 1180, 520, 140, rgb(0xFFF0D0), 0.7f);

        Color[] fills = {rgb(0x9A9BB0), rgb(0x767892), rgb(0x565672), rgb(0x3A3650), rgb(0x231F2E), rgb(0x15121C)};
        double[] bases = {430, 500, 590, 680, 790, 900};
        double[] amps = {300, 250, 190, 150, 110, 70};
        double[] roughness = {0.58, 0.56, 0.55, 0.52, 0.5, 0.45};
        for (int i = 0; i < fills.length; i++) {
            double[] crest = ridge(r, bases[i], amps[i], roughness[i]);
            if (i == 0) {
                g.setColor(fills[i]);
                g.fill(closedBelow(crest));
                snowCaps(g, crest, 280);
            } else {
                g.setPaint(new GradientPaint(0, (float) (bases[i] - amps[i]), fills[i], 0, H, fills[i].darker()));
                g.fill(closedBelow(crest));
            }
            // Light catching the crest from the west.
            g.setColor(new Color(255, 214, 170, i < 3 ? 70 : 35));
            g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(openPath(crest, 0));
            if (i == 2) {
                frontLine(g, r, crest);
            }
            if (i == 5) {
                villageLights(g, r, crest);
            }
        }
        g.dispose();
        finish(img, 0x2026_0927L, 4, 0.45f);
        return img;
    }

    static void snowCaps(Graphics2D g, double[] crest, double below) {
        Path2D caps = new Path2D.Double();
        int n = crest.length;
        boolean open = false;
        for (int i = 0; i < n; i++) {
            double x = i * (W / (double) (n - 1));
            double y = crest[i];
            boolean high = y < below;
            if (high && !open) {
                caps.moveTo(x, below);
                open = true;
            }
            if (open) {
                caps.lineTo(x, high ? y : below);
            }
            if (!high && open) {
                caps.closePath();
                open = false;
            }
        }
        if (open) {
            caps.lineTo(W, below);
            caps.closePath();
        }
        g.setPaint(new GradientPaint(0, (float) (below - 160), new Color(0xF3, 0xEE, 0xEA, 230), 0, (float) below,
                new Color(0xC9, 0xC7, 0xD4, 0)));
        g.fill(caps);
    }

    static void frontLine(Graphics2D g, Random r, double[] crest) {
        Path2D line = openPath(crest, -6);
        g.setColor(new Color(0xE0, 0x3A, 0x2E, 60));
        g.setStroke(new BasicStroke(22f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        g.setColor(rgb(0xD8302A));
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {30f, 16f}, 0f));
        g.draw(line);

        int n = crest.length;
        int[] sources = {n / 9, n / 4, n / 2 - 6, (int) (n * 0.63), (int) (n * 0.86)};
        for (int s : sources) {
            double x = s * (W / (double) (n - 1));
            double y = crest[s] - 4;
            glow(g, x, y, 34, rgb(0xFFB060), 0.85f);
            double drift = 18 + r.nextDouble() * 14;
            for (int k = 0; k < 14; k++) {
                double t = k / 13.0;
                double px = x + t * drift * 9 + Math.sin(k * 0.9) * 8;
                double py = y - t * (230 + r.nextDouble() * 40);
                double rad = 18 + t * 70;
                int shade = 70 + (int) (t * 60);
                glow(g, px, py, rad, new Color(shade, shade - 6, shade - 2), 0.32f * (float) (1 - t * 0.7));
            }
        }
    }

    static void villageLights(Graphics2D g, Random r, double[] crest) {
        int n = crest.length;
        for (int k = 0; k < 70; k++) {
            int i = 8 + r.nextInt(n - 16);
            double x = i * (W / (double) (n - 1)) + r.nextDouble() * 5;
            double y = crest[i] + 14 + r.nextDouble() * (H - crest[i] - 24);
            if (r.nextDouble() < 0.35) {
                continue;
            }
            glow(g, x, y, 9, rgb(0xFFC670), 0.5f);
            g.setColor(rgb(0xFFD98A));
            g.fill(new Rectangle2D.Double(x - 1.8, y - 1.8, 3.6, 3.6));
        }
    }

    /** A relief map with contour lines, a river, villages and a dashed border through it. */
    static BufferedImage caucasusBorderMap() {
        BufferedImage img = canvas();
        Random r = new Random(2023_0919L);

        int peaks = 11;
        double[][] p = new double[peaks][4];
        for (int i = 0; i < peaks; i++) {
            p[i][0] = 120 + r.nextDouble() * (W - 240);
            p[i][1] = 90 + r.nextDouble() * (H - 180);
            p[i][2] = 110 + r.nextDouble() * 210;
            p[i][3] = 0.3 + r.nextDouble() * 0.5;
        }
        HeightField field = (x, y) -> {
            double h = 0.12 * Math.sin(x / 230.0 + y / 410.0) + 0.08 * Math.cos(y / 170.0 - x / 520.0);
            for (double[] q : p) {
                double dx = x - q[0];
                double dy = y - q[1];
                h += q[3] * Math.exp(-(dx * dx + dy * dy) / (2 * q[2] * q[2]));
            }
            return h;
        };

        // Sample the field once on a grid to find its range; tint and contours use the normalized height.
        int cell = 6;
        int cols = W / cell + 1;
        int rows = H / cell + 1;
        double[][] v = new double[rows][cols];
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < cols; i++) {
                v[j][i] = field.at(i * cell, j * cell);
                min = Math.min(min, v[j][i]);
                max = Math.max(max, v[j][i]);
            }
        }
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < cols; i++) {
                v[j][i] = (v[j][i] - min) / (max - min);
            }
        }

        // Hypsometric tint, in bands.
        Color low = rgb(0xEFE6D1);
        Color mid = rgb(0xDCCAA2);
        Color high = rgb(0xB8977A);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double h = (field.at(x, y) - min) / (max - min);
                double band = Math.floor(clamp(h, 0, 0.999) * 8) / 7.0;
                Color c = band < 0.5 ? mix(low, mid, band * 2) : mix(mid, high, (band - 0.5) * 2);
                img.setRGB(x, y, c.getRGB());
            }
        }

        Graphics2D g = graphics(img);
        // Faint graticule.
        g.setColor(new Color(0x6B, 0x5A, 0x48, 40));
        g.setStroke(new BasicStroke(1.2f));
        for (int x = 100; x < W; x += 200) {
            g.draw(new Line2D.Double(x, 0, x + 30, H));
        }
        for (int y = 100; y < H; y += 200) {
            g.draw(new Line2D.Double(0, y, W, y - 20));
        }

        // Contour lines by marching squares.
        for (int level = 0; level < 16; level++) {
            double iso = 0.03 + level * 0.0625;
            boolean index = level % 4 == 0;
            g.setColor(index ? new Color(0x7A, 0x55, 0x38, 170) : new Color(0x8E, 0x6C, 0x4E, 110));
            g.setStroke(new BasicStroke(index ? 2.2f : 1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            contour(g, v, cell, iso);
        }

        // A river winding through the lowland.
        Path2D river = new Path2D.Double();
        river.moveTo(-20, 760);
        river.curveTo(260, 700, 420, 860, 640, 780);
        river.curveTo(860, 700, 900, 560, 1120, 590);
        river.curveTo(1320, 620, 1430, 470, 1640, 430);
        g.setColor(new Color(0x4F, 0x80, 0xA6, 90));
        g.setStroke(new BasicStroke(16f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(river);
        g.setColor(rgb(0x4C7DA3));
        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(river);

        // The border: a smoothed random walk from top to bottom.
        int steps = 60;
        double[] bx = new double[steps + 1];
        double x0 = 760;
        for (int k = 0; k <= steps; k++) {
            x0 += (r.nextDouble() - 0.5) * 46 + (800 - x0) * 0.06;
            bx[k] = x0;
        }
        for (int pass = 0; pass < 3; pass++) {
            for (int k = 1; k < steps; k++) {
                bx[k] = (bx[k - 1] + 2 * bx[k] + bx[k + 1]) / 4;
            }
        }
        Path2D border = new Path2D.Double();
        for (int k = 0; k <= steps; k++) {
            double y = -10 + k * (H + 20) / (double) steps;
            if (k == 0) {
                border.moveTo(bx[k], y);
            } else {
                border.lineTo(bx[k], y);
            }
        }
        BorderX borderAt = y -> {
            double t = clamp((y + 10) / (H + 20) * steps, 0, steps - 1e-9);
            int k = (int) t;
            return bx[k] + (bx[k + 1] - bx[k]) * (t - k);
        };

        // Villages, and the roads between nearest neighbours.
        List<double[]> villages = new ArrayList<>();
        while (villages.size() < 34) {
            double x = 70 + r.nextDouble() * (W - 140);
            double y = 60 + r.nextDouble() * (H - 120);
            if (Math.abs(x - borderAt.at(y)) < 45) {
                continue;
            }
            boolean crowded = false;
            for (double[] q : villages) {
                if (Math.hypot(q[0] - x, q[1] - y) < 110) {
                    crowded = true;
                    break;
                }
            }
            if (!crowded) {
                villages.add(new double[] {x, y});
            }
        }
        for (double[] a : villages) {
            double[] first = null;
            double[] second = null;
            double d1 = Double.MAX_VALUE;
            double d2 = Double.MAX_VALUE;
            for (double[] b : villages) {
                if (b == a) {
                    continue;
                }
                double d = Math.hypot(a[0] - b[0], a[1] - b[1]);
                if (d < d1) {
                    second = first;
                    d2 = d1;
                    first = b;
                    d1 = d;
                } else if (d < d2) {
                    second = b;
                    d2 = d;
                }
            }
            for (double[] b : new double[][] {first, second}) {
                boolean crosses = Math.signum(a[0] - borderAt.at(a[1])) != Math.signum(b[0] - borderAt.at(b[1]));
                if (crosses) {
                    g.setColor(new Color(0x4A, 0x42, 0x3C, 90));
                    g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                            new float[] {3f, 7f}, 0f));
                } else {
                    g.setColor(new Color(0x4A, 0x42, 0x3C, 150));
                    g.setStroke(new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                }
                g.draw(new Line2D.Double(a[0], a[1], b[0], b[1]));
            }
        }

        // The zone along the border, then the border itself.
        g.setColor(new Color(0xC8, 0x2E, 0x26, 38));
        g.setStroke(new BasicStroke(90f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(border);
        g.setColor(new Color(0xC8, 0x2E, 0x26, 60));
        g.setStroke(new BasicStroke(34f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(border);
        g.setColor(rgb(0xA8231E));
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {26f, 10f, 4f, 10f}, 0f));
        g.draw(border);

        for (double[] q : villages) {
            boolean emptied = Math.abs(q[0] - borderAt.at(q[1])) < 200;
            g.setColor(rgb(0xF6F0E2));
            g.fill(circle(q[0], q[1], 12));
            if (emptied) {
                g.setColor(rgb(0x3A332E));
                g.setStroke(new BasicStroke(3f));
                g.draw(circle(q[0], q[1], 8));
            } else {
                g.setColor(rgb(0x2F2925));
                g.fill(circle(q[0], q[1], 8.5));
            }
        }
        g.dispose();
        finish(img, 0x2023_0919L, 3, 0.25f);
        return img;
    }

    /** A crowd with banners before a city skyline at sunset. */
    static BufferedImage strikeCrowd() {
        BufferedImage img = canvas();
        Graphics2D g = graphics(img);
        Random r = new Random(2026_0608L);

        g.setPaint(new GradientPaint(0, 0, rgb(0x35203F), 0, 660, rgb(0xEC8A42)));
        g.fillRect(0, 0, W, H);
        glow(g, 560, 600, 560, rgb(0xFFC37A), 0.5f);
        g.setColor(rgb(0xF8CF7E));
        g.fill(circle(560, 600, 150));

        // Skyline: blocks, domes and a minaret.
        Color city = rgb(0x5A2C45);
        g.setColor(city);
        double x = -20;
        while (x < W) {
            double w = 50 + r.nextDouble() * 110;
            double h = 70 + r.nextDouble() * 170;
            g.fill(new Rectangle2D.Double(x, 640 - h, w + 1, h + 400));
            if (r.nextDouble() < 0.18) {
                double d = Math.min(w * 0.8, 90);
                g.fill(new Ellipse2D.Double(x + (w - d) / 2, 640 - h - d / 2, d, d));
            }
            x += w;
        }
        double mx = 1210;
        g.fill(new Rectangle2D.Double(mx - 11, 310, 22, 400));
        g.fill(new Rectangle2D.Double(mx - 17, 400, 34, 12));
        g.fill(new Ellipse2D.Double(mx - 15, 290, 30, 36));
        Path2D spire = new Path2D.Double();
        spire.moveTo(mx - 4, 296);
        spire.lineTo(mx, 262);
        spire.lineTo(mx + 4, 296);
        spire.closePath();
        g.fill(spire);
        // Window lights in the skyline.
        for (int k = 0; k < 160; k++) {
            double wx = r.nextDouble() * W;
            double wy = 470 + r.nextDouble() * 160;
            if (img.getRGB((int) wx, (int) wy) == city.getRGB()) {
                g.setColor(new Color(0xFF, 0xC8, 0x7A, 150));
                g.fill(new Rectangle2D.Double(wx, wy, 5, 7));
            }
        }

        g.setPaint(new GradientPaint(0, 640, rgb(0x3A1C2C), 0, H, rgb(0x1A0E16)));
        g.fillRect(0, 640, W, H - 640);

        Color[] bannerColors = {rgb(0xC8282A), rgb(0xF2E6CC), rgb(0xE3A23A), rgb(0xB01E24), rgb(0xE9D9B4)};
        int rowsCount = 7;
        for (int row = 0; row < rowsCount; row++) {
            double t = row / (double) (rowsCount - 1);
            double foot = 700 + row * 52;
            double height = 95 + t * 170;
            Color body = mix(rgb(0x4B2436), rgb(0x120A10), t);
            // Banners of this row, behind its people.
            int banners = row == 0 || row == rowsCount - 1 ? 0 : 1 + r.nextInt(2);
            for (int b = 0; b < banners; b++) {
                double bxLeft = r.nextDouble() * (W - 260);
                double width = 110 + r.nextDouble() * 140 + t * 90;
                double top = foot - height * (1.5 + r.nextDouble() * 0.35);
                double bh = height * 0.3;
                Color c = bannerColors[r.nextInt(bannerColors.length)];
                g.setColor(mix(rgb(0x2A1A14), body, 0.3));
                g.setStroke(new BasicStroke((float) (2 + t * 4)));
                g.draw(new Line2D.Double(bxLeft, top - 8, bxLeft, foot - height * 0.5));
                g.draw(new Line2D.Double(bxLeft + width, top - 8, bxLeft + width, foot - height * 0.5));
                Path2D cloth = new Path2D.Double();
                double sag = bh * 0.12;
                cloth.moveTo(bxLeft, top);
                cloth.quadTo(bxLeft + width / 2, top + sag, bxLeft + width, top);
                cloth.lineTo(bxLeft + width, top + bh);
                cloth.quadTo(bxLeft + width / 2, top + bh + sag, bxLeft, top + bh);
                cloth.closePath();
                g.setColor(shade(c, 0.9 + 0.1 * t));
                g.fill(cloth);
                // A plain band across the cloth instead of lettering.
                g.setColor(shade(c, 0.72));
                g.fill(new Rectangle2D.Double(bxLeft, top + bh * 0.72, width, bh * 0.1));
            }
            int flags = 1 + r.nextInt(3);
            for (int f = 0; f < flags; f++) {
                double fx = r.nextDouble() * W;
                double top = foot - height * (1.7 + r.nextDouble() * 0.25);
                g.setColor(mix(rgb(0x2A1A14), body, 0.3));
                g.setStroke(new BasicStroke((float) (2 + t * 3)));
                g.draw(new Line2D.Double(fx, top, fx, foot - height * 0.5));
                double fw = height * 0.6;
                double fh = height * 0.36;
                Path2D flag = new Path2D.Double();
                flag.moveTo(fx, top);
                flag.curveTo(fx + fw * 0.35, top - fh * 0.18, fx + fw * 0.65, top + fh * 0.18, fx + fw, top + fh * 0.05);
                flag.lineTo(fx + fw, top + fh);
                flag.curveTo(fx + fw * 0.65, top + fh * 1.1, fx + fw * 0.35, top + fh * 0.82, fx, top + fh);
                flag.closePath();
                g.setColor(shade(bannerColors[r.nextInt(2) == 0 ? 0 : 3], 0.85 + 0.15 * t));
                g.fill(flag);
            }
            double px = -30 + r.nextDouble() * 30;
            while (px < W + 30) {
                double h = height * (0.9 + r.nextDouble() * 0.18);
                person(g, px, foot + r.nextDouble() * 14, h, body, r.nextDouble() < 0.12);
                px += height * (0.2 + r.nextDouble() * 0.16);
            }
        }
        g.dispose();
        finish(img, 0x2026_0608L, 4, 0.4f);
        return img;
    }

    /** White coats and banners before a columned public building under jacaranda trees. */
    static BufferedImage marchToTheMinistry() {
        BufferedImage img = canvas();
        Graphics2D g = graphics(img);
        Random r = new Random(2026_0908L);

        g.setPaint(new GradientPaint(0, 0, rgb(0x7FAFD3), 0, 700, rgb(0xE8EEF0)));
        g.fillRect(0, 0, W, H);
        for (int k = 0; k < 5; k++) {
            double cx = 150 + k * 330 + r.nextDouble() * 80;
            double cy = 110 + r.nextDouble() * 120;
            for (int j = 0; j < 6; j++) {
                glow(g, cx + j * 38, cy + Math.sin(j) * 12, 60 + r.nextDouble() * 30, Color.WHITE, 0.28f);
            }
        }

        Color stone = rgb(0xE7DDC8);
        Color stoneShade = rgb(0xC7B9A0);
        // Dome behind the portico.
        g.setColor(rgb(0xB9C4C6));
        g.fill(new Ellipse2D.Double(620, 150, 360, 300));
        g.setColor(rgb(0x9FAEB2));
        g.fill(new Rectangle2D.Double(610, 290, 380, 60));
        g.setColor(stone);
        g.fill(new Rectangle2D.Double(782, 108, 36, 60));
        g.fill(new Ellipse2D.Double(785, 88, 30, 30));
        // Wings and portico.
        g.setColor(stoneShade);
        g.fill(new Rectangle2D.Double(150, 360, 1300, 360));
        g.setColor(stone);
        g.fill(new Rectangle2D.Double(150, 340, 1300, 40));
        for (int k = 0; k < 16; k++) {
            double wx = 190 + k * 80;
            if (wx > 440 && wx < 1130) {
                continue;
            }
            g.setColor(rgb(0x6C6A70));
            g.fill(new RoundRectangle2D.Double(wx, 430, 34, 90, 16, 16));
            g.fill(new Rectangle2D.Double(wx, 570, 34, 80));
        }
        Path2D pediment = new Path2D.Double();
        pediment.moveTo(440, 330);
        pediment.lineTo(800, 220);
        pediment.lineTo(1160, 330);
        pediment.closePath();
        g.setColor(stone);
        g.fill(pediment);
        g.setColor(stoneShade);
        g.setStroke(new BasicStroke(6f));
        g.draw(pediment);
        g.setColor(stone);
        g.fill(new Rectangle2D.Double(430, 328, 740, 36));
        g.setColor(rgb(0x8E8576));
        g.fill(new Rectangle2D.Double(460, 364, 680, 356));
        for (int k = 0; k < 8; k++) {
            double cx = 478 + k * 90;
            g.setPaint(new GradientPaint((float) cx, 0, rgb(0xF5EEDF), (float) cx + 44, 0, rgb(0xBFAF93)));
            g.fill(new Rectangle2D.Double(cx, 370, 44, 350));
            g.setColor(stone);
            g.fill(new Rectangle2D.Double(cx - 8, 364, 60, 14));
        }
        for (int s = 0; s < 6; s++) {
            g.setColor(s % 2 == 0 ? rgb(0xD8CCB4) : rgb(0xCBBDA3));
            g.fill(new Rectangle2D.Double(380 - s * 30, 700 + s * 14, 840 + s * 60, 14));
        }

        // Jacarandas on both sides.
        for (double tx : new double[] {70, 1530}) {
            g.setColor(rgb(0x4A3A34));
            g.fill(new Rectangle2D.Double(tx - 12, 420, 24, 400));
            for (int k = 0; k < 26; k++) {
                double a = r.nextDouble() * Math.PI * 2;
                double d = r.nextDouble() * 150;
                Color c = mix(rgb(0x8B6BC4), rgb(0xB79BE0), r.nextDouble());
                g.setColor(c);
                double rad = 50 + r.nextDouble() * 50;
                g.fill(circle(tx + Math.cos(a) * d, 370 + Math.sin(a) * d * 0.6, rad));
            }
        }

        g.setPaint(new GradientPaint(0, 780, rgb(0x55575E), 0, H, rgb(0x2E3036)));
        g.fillRect(0, 782, W, H - 782);

        Color coat = rgb(0xF4F2EC);
        Color dark = rgb(0x2B2A33);
        for (int row = 0; row < 5; row++) {
            double t = row / 4.0;
            double foot = 830 + row * 40;
            double height = 150 + t * 150;
            if (row == 2) {
                double left = 360;
                double width = 780;
                double top = foot - height * 1.45;
                g.setColor(rgb(0x3A2E2A));
                g.setStroke(new BasicStroke(6f));
                g.draw(new Line2D.Double(left, top - 10, left, foot - height * 0.45));
                g.draw(new Line2D.Double(left + width, top - 10, left + width, foot - height * 0.45));
                g.setColor(rgb(0xC62D2B));
                g.fill(new Rectangle2D.Double(left, top, width, height * 0.42));
                g.setColor(rgb(0xF4F2EC));
                g.fill(new Rectangle2D.Double(left, top + height * 0.3, width, height * 0.05));
            }
            double px = -20 + r.nextDouble() * 40;
            while (px < W + 20) {
                double h = height * (0.9 + r.nextDouble() * 0.16);
                boolean whiteCoat = r.nextDouble() < 0.55;
                Color body = whiteCoat ? shade(coat, 0.88 + 0.12 * t) : mix(rgb(0x5A5A66), dark, t);
                person(g, px, foot + r.nextDouble() * 10, h, body, r.nextDouble() < 0.08);
                if (whiteCoat) {
                    // Dark head over the white coat.
                    g.setColor(rgb(0x3B2C26));
                    g.fill(circle(px, foot - h + h * 0.09, h * 0.085));
                }
                px += height * (0.22 + r.nextDouble() * 0.14);
            }
        }
        g.dispose();
        finish(img, 0x2026_0908L, 4, 0.3f);
        return img;
    }

    /** Continents as soft shapes on a dark sea, with arcs of light joining cities. */
    static BufferedImage connectedWorld() {
        BufferedImage img = canvas();
        Graphics2D g = graphics(img);
        Random r = new Random(1864_0928L);

        g.setPaint(new GradientPaint(0, 0, rgb(0x0F1628), 0, H, rgb(0x1D2C46)));
        g.fillRect(0, 0, W, H);
        g.setColor(new Color(0x7F, 0x9C, 0xC8, 26));
        g.setStroke(new BasicStroke(1.4f));
        for (int k = 1; k < 8; k++) {
            double y = k * H / 8.0;
            g.draw(new Line2D.Double(0, y, W, y));
        }
        for (int k = 0; k <= 12; k++) {
            double x = k * W / 12.0;
            g.draw(new QuadCurve2D.Double(x, 0, x + (x - W / 2.0) * 0.12, H / 2.0, x, H));
        }

        // Rough positions of land masses: {x, y, radius} blobs grouped per continent.
        double[][] land = {
            {300, 250, 150}, {400, 330, 110}, {230, 180, 100}, {390, 430, 60},      // North America
            {500, 620, 95}, {520, 730, 75}, {490, 820, 45},                         // South America
            {790, 250, 85}, {860, 220, 70}, {740, 310, 45},                         // Europe
            {830, 480, 120}, {880, 600, 105}, {900, 700, 60},                       // Africa
            {1070, 260, 150}, {1230, 240, 140}, {1180, 390, 110}, {1330, 330, 80},  // Asia
            {1000, 420, 55},                                                        // Arabia
            {1370, 700, 90}, {1450, 660, 40}                                        // Australia
        };
        Color landFill = rgb(0x2E4466);
        Color landEdge = rgb(0x4A6690);
        for (double[] b : land) {
            Path2D blob = blob(r, b[0], b[1], b[2], 14, 0.22);
            g.setColor(landFill);
            g.fill(blob);
        }
        g.setColor(landEdge);
        g.setStroke(new BasicStroke(1.6f));
        for (double[] b : land) {
            g.setColor(new Color(0x5A, 0x78, 0xA6, 40));
            g.fill(circle(b[0], b[1], b[2] * 0.55));
        }

        double[][] cities = {
            {250, 250}, {420, 330}, {340, 410}, {520, 640}, {490, 760}, {780, 250}, {880, 200},
            {730, 300}, {820, 470}, {900, 620}, {990, 420}, {1050, 300}, {1180, 250}, {1250, 390},
            {1360, 330}, {1390, 700}, {960, 260}, {1120, 380}
        };
        int[][] links = {
            {0, 5}, {1, 6}, {2, 3}, {3, 8}, {4, 9}, {5, 11}, {6, 12}, {7, 8}, {8, 10}, {9, 15},
            {10, 13}, {11, 14}, {12, 15}, {1, 4}, {16, 10}, {16, 7}, {17, 13}, {17, 9}, {0, 12}, {3, 17}, {2, 7}
        };
        for (int[] link : links) {
            double[] a = cities[link[0]];
            double[] b = cities[link[1]];
            double mx = (a[0] + b[0]) / 2;
            double my = (a[1] + b[1]) / 2;
            double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
            double lift = len * (0.22 + r.nextDouble() * 0.12);
            QuadCurve2D arc = new QuadCurve2D.Double(a[0], a[1], mx, my - lift, b[0], b[1]);
            g.setColor(new Color(0xE8, 0x5A, 0x3C, 45));
            g.setStroke(new BasicStroke(10f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(arc);
            g.setColor(new Color(0xF0, 0x70, 0x48, 210));
            g.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(arc);
        }
        for (double[] c : cities) {
            glow(g, c[0], c[1], 36, rgb(0xF6C35A), 0.55f);
            g.setColor(rgb(0xFBE3A8));
            g.fill(circle(c[0], c[1], 6.5));
        }
        g.dispose();
        finish(img, 0x1864_0928L, 4, 0.45f);
        return img;
    }

    /** Towers with few lit windows, cranes, and a terrace of small houses in front. */
    static BufferedImage cityAtDusk() {
        BufferedImage img = canvas();
        Graphics2D g = graphics(img);
        Random r = new Random(1915_1117L);

        g.setPaint(new LinearGradientPaint(0, 0, 0, 760, new float[] {0f, 0.55f, 1f},
                new Color[] {rgb(0x1B2238), rgb(0x7C4F66), rgb(0xE59C66)}));
        g.fillRect(0, 0, W, H);
        glow(g, 1250, 720, 480, rgb(0xFFC287), 0.45f);

        // Far towers, pale and flat.
        double x = -30;
        g.setColor(rgb(0x6E5670));
        while (x < W) {
            double w = 60 + r.nextDouble() * 90;
            double h = 160 + r.nextDouble() * 260;
            g.fill(new Rectangle2D.Double(x, 760 - h, w, h + 300));
            x += w + r.nextDouble() * 30;
        }

        // Cranes between the towers.
        crane(g, 330, 760, 560, 1, rgb(0x3B2E44));
        crane(g, 1180, 760, 620, -1, rgb(0x3B2E44));

        // Near towers with window grids; most windows dark.
        x = -10;
        while (x < W) {
            double w = 110 + r.nextDouble() * 130;
            double h = 260 + r.nextDouble() * 360;
            double top = 820 - h;
            Color facade = mix(rgb(0x2A2438), rgb(0x3C3048), r.nextDouble());
            g.setColor(facade);
            g.fill(new Rectangle2D.Double(x, top, w, h + 200));
            if (r.nextDouble() < 0.3) {
                g.fill(new Rectangle2D.Double(x + w * 0.4, top - 40, 6, 40));
            }
            double lit = 0.06 + r.nextDouble() * 0.16;
            for (double wy = top + 18; wy < 800; wy += 22) {
                for (double wx = x + 12; wx < x + w - 16; wx += 18) {
                    boolean on = r.nextDouble() < lit;
                    g.setColor(on ? mix(rgb(0xF5C46E), rgb(0xFFE2A6), r.nextDouble()) : shade(facade, 1.25));
                    g.fill(new Rectangle2D.Double(wx, wy, 9, 12));
                }
            }
            x += w + 8 + r.nextDouble() * 60;
        }

        // Foreground terrace: pitched roofs and chimneys.
        Color terrace = rgb(0x17131D);
        g.setColor(terrace);
        g.fillRect(0, 880, W, H - 880);
        x = -40;
        while (x < W) {
            double w = 130 + r.nextDouble() * 40;
            Path2D house = new Path2D.Double();
            house.moveTo(x, 900);
            house.lineTo(x, 840);
            house.lineTo(x + w / 2, 790);
            house.lineTo(x + w, 840);
            house.lineTo(x + w, 900);
            house.closePath();
            g.setColor(terrace);
            g.fill(house);
            g.fill(new Rectangle2D.Double(x + w * 0.7, 790, 16, 40));
            if (r.nextDouble() < 0.55) {
                g.setColor(rgb(0xF0B766));
                g.fill(new Rectangle2D.Double(x + w * 0.3, 870, 22, 26));
            }
            x += w;
        }
        g.dispose();
        finish(img, 0x1915_1117L, 4, 0.5f);
        return img;
    }

    /** Dawn over a plant: sheds, chimneys, a cooling tower, people walking to the shift. */
    static BufferedImage morningShift() {
        BufferedImage img = canvas();
        Graphics2D g = graphics(img);
        Random r = new Random(2026_1022L);

        g.setPaint(new LinearGradientPaint(0, 0, 0, 700, new float[] {0f, 0.6f, 1f},
                new Color[] {rgb(0x26324E), rgb(0x9AA3B0), rgb(0xF1C975)}));
        g.fillRect(0, 0, W, H);
        glow(g, 1240, 660, 420, rgb(0xFFD98C), 0.55f);
        g.setColor(rgb(0xFBE3A2));
        g.fill(circle(1240, 660, 85));

        Color plant = rgb(0x2D3140);
        // Smoke first, so the chimneys stand in front of it.
        double[] chimneys = {420, 500, 1010};
        for (double cx : chimneys) {
            for (int k = 0; k < 16; k++) {
                double t = k / 15.0;
                glow(g, cx + t * 420 + Math.sin(k) * 10, 250 - t * 120, 26 + t * 90,
                        rgb(0xD8D6D2), 0.35f * (float) (1 - t * 0.6));
            }
        }
        g.setColor(plant);
        for (double cx : chimneys) {
            Path2D stack = new Path2D.Double();
            stack.moveTo(cx - 22, 700);
            stack.lineTo(cx - 12, 250);
            stack.lineTo(cx + 12, 250);
            stack.lineTo(cx + 22, 700);
            stack.closePath();
            g.fill(stack);
            g.setColor(rgb(0xB8483A));
            g.fill(new Rectangle2D.Double(cx - 13, 272, 26, 12));
            g.fill(new Rectangle2D.Double(cx - 14, 300, 28, 12));
            g.setColor(plant);
        }
        // Cooling tower.
        Path2D tower = new Path2D.Double();
        tower.moveTo(640, 700);
        tower.quadTo(720, 520, 680, 380);
        tower.lineTo(860, 380);
        tower.quadTo(820, 520, 900, 700);
        tower.closePath();
        g.setColor(rgb(0x3A3F50));
        g.fill(tower);
        // Sawtooth sheds.
        g.setColor(plant);
        double sx = 160;
        for (int k = 0; k < 12; k++) {
            Path2D tooth = new Path2D.Double();
            tooth.moveTo(sx, 720);
            tooth.lineTo(sx, 560);
            tooth.lineTo(sx + 60, 520);
            tooth.lineTo(sx + 60, 720);
            tooth.closePath();
            g.fill(tooth);
            sx += 60;
        }
        g.fill(new Rectangle2D.Double(880, 540, 520, 180));
        // Conveyor gantry.
        g.setStroke(new BasicStroke(14f));
        g.draw(new Line2D.Double(1040, 560, 1400, 380));
        g.setStroke(new BasicStroke(5f));
        for (int k = 0; k < 5; k++) {
            double gx = 1080 + k * 72;
            g.draw(new Line2D.Double(gx, 540 - k * 36, gx, 720));
        }
        // Lit windows of the night shift ending.
        for (int k = 0; k < 40; k++) {
            double wx = 180 + r.nextDouble() * 1200;
            double wy = 600 + r.nextDouble() * 90;
            if (img.getRGB((int) wx, (int) wy) == plant.getRGB() && r.nextDouble() < 0.6) {
                g.setColor(new Color(0xF6, 0xCF, 0x7C, 200));
                g.fill(new Rectangle2D.Double(wx, wy, 12, 8));
            }
        }

        g.setPaint(new GradientPaint(0, 720, rgb(0x2A2D36), 0, H, rgb(0x14151B)));
        g.fillRect(0, 718, W, H - 718);
        Path2D road = new Path2D.Double();
        road.moveTo(0, 930);
        road.quadTo(700, 820, 1600, 760);
        road.lineTo(1600, 800);
        road.quadTo(700, 880, 0, 1000);
        road.closePath();
        g.setColor(rgb(0x4A4B52));
        g.fill(road);

        // People walking towards the gate, smaller with distance.
        for (int k = 0; k < 15; k++) {
            double t = k / 14.0;
            double px = 120 + t * 1300 + r.nextDouble() * 30;
            double foot = 960 - t * 170 + r.nextDouble() * 8;
            double h = 150 - t * 95;
            walker(g, px, foot, h, mix(rgb(0x101117), rgb(0x2A2C36), t), k % 2 == 0);
        }
        g.dispose();
        finish(img, 0x2026_1022L, 4, 0.4f);
        return img;
    }

    // ---------------------------------------------------------------- shapes

    static void person(Graphics2D g, double x, double foot, double h, Color c, boolean armUp) {
        g.setColor(c);
        double headR = h * 0.085;
        double headY = foot - h + headR;
        g.fill(circle(x, headY, headR));
        double shoulder = headY + headR * 1.35;
        double width = h * 0.3;
        g.fill(new RoundRectangle2D.Double(x - width / 2, shoulder, width, h * 0.5, width * 0.55, width * 0.55));
        g.fill(new Rectangle2D.Double(x - width * 0.38, shoulder + h * 0.3, width * 0.76, foot - shoulder - h * 0.3));
        if (armUp) {
            g.setStroke(new BasicStroke((float) (h * 0.075), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(x + width * 0.35, shoulder + h * 0.06, x + width * 0.55, shoulder - h * 0.32));
            g.fill(circle(x + width * 0.56, shoulder - h * 0.35, h * 0.055));
        }
    }

    static void walker(Graphics2D g, double x, double foot, double h, Color c, boolean bag) {
        g.setColor(c);
        double headR = h * 0.085;
        double headY = foot - h + headR;
        g.fill(circle(x, headY, headR));
        double shoulder = headY + headR * 1.3;
        double hip = foot - h * 0.46;
        double width = h * 0.24;
        g.fill(new RoundRectangle2D.Double(x - width / 2, shoulder, width, hip - shoulder + h * 0.04, width * 0.5, width * 0.5));
        g.setStroke(new BasicStroke((float) (h * 0.085), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x, hip, x + h * 0.16, foot));
        g.draw(new Line2D.Double(x, hip, x - h * 0.13, foot));
        g.setStroke(new BasicStroke((float) (h * 0.06), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x, shoulder + h * 0.05, x - h * 0.12, hip));
        g.draw(new Line2D.Double(x, shoulder + h * 0.05, x + h * 0.11, hip - h * 0.02));
        if (bag) {
            g.fill(new RoundRectangle2D.Double(x + h * 0.07, hip - h * 0.04, h * 0.14, h * 0.12, h * 0.03, h * 0.03));
        }
    }

    static void crane(Graphics2D g, double x, double ground, double height, int dir, Color c) {
        g.setColor(c);
        double top = ground - height;
        g.setStroke(new BasicStroke(4f));
        g.draw(new Line2D.Double(x - 10, ground, x - 10, top));
        g.draw(new Line2D.Double(x + 10, ground, x + 10, top));
        g.setStroke(new BasicStroke(2f));
        for (double y = ground; y > top + 20; y -= 26) {
            g.draw(new Line2D.Double(x - 10, y, x + 10, y - 26));
        }
        g.setStroke(new BasicStroke(5f));
        g.draw(new Line2D.Double(x - dir * 90, top, x + dir * 330, top));
        g.setStroke(new BasicStroke(2f));
        g.draw(new Line2D.Double(x, top - 50, x + dir * 330, top));
        g.draw(new Line2D.Double(x, top - 50, x - dir * 90, top));
        g.draw(new Line2D.Double(x, top - 50, x, top));
        g.fill(new Rectangle2D.Double(x - dir * 90 - (dir > 0 ? 0 : 40), top, 40, 26));
        g.setStroke(new BasicStroke(1.5f));
        double hookX = x + dir * 240;
        g.draw(new Line2D.Double(hookX, top, hookX, top + 170));
        g.fill(new Rectangle2D.Double(hookX - 20, top + 170, 40, 14));
    }

    static Path2D blob(Random r, double cx, double cy, double radius, int points, double wobble) {
        double[] xs = new double[points];
        double[] ys = new double[points];
        double phase = r.nextDouble() * Math.PI * 2;
        for (int i = 0; i < points; i++) {
            double a = phase + i * 2 * Math.PI / points;
            double rad = radius * (1 - wobble + 2 * wobble * r.nextDouble());
            xs[i] = cx + Math.cos(a) * rad;
            ys[i] = cy + Math.sin(a) * rad * 0.85;
        }
        Path2D p = new Path2D.Double();
        p.moveTo((xs[points - 1] + xs[0]) / 2, (ys[points - 1] + ys[0]) / 2);
        for (int i = 0; i < points; i++) {
            int n = (i + 1) % points;
            p.quadTo(xs[i], ys[i], (xs[i] + xs[n]) / 2, (ys[i] + ys[n]) / 2);
        }
        p.closePath();
        return p;
    }

    /** A crest line by midpoint displacement: y values at evenly spaced x across the width. */
    static double[] ridge(Random r, double base, double amplitude, double roughness) {
        int n = 257;
        double[] v = new double[n];
        v[0] = r.nextDouble();
        v[n - 1] = r.nextDouble();
        double scale = 1.0;
        for (int step = n - 1; step > 1; step /= 2) {
            for (int i = step / 2; i < n; i += step) {
                v[i] = (v[i - step / 2] + v[i + step / 2]) / 2 + (r.nextDouble() - 0.5) * scale;
            }
            scale *= roughness;
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double d : v) {
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = base - amplitude * (v[i] - min) / (max - min);
        }
        return y;
    }

    static Path2D closedBelow(double[] crest) {
        Path2D p = openPath(crest, 0);
        p.lineTo(W + 10, H + 10);
        p.lineTo(-10, H + 10);
        p.closePath();
        return p;
    }

    static Path2D openPath(double[] crest, double dy) {
        Path2D p = new Path2D.Double();
        int n = crest.length;
        for (int i = 0; i < n; i++) {
            double x = i * (W / (double) (n - 1));
            if (i == 0) {
                p.moveTo(x - 10, crest[i] + dy);
            } else {
                p.lineTo(x, crest[i] + dy);
            }
        }
        p.lineTo(W + 10, crest[n - 1] + dy);
        return p;
    }

    interface HeightField {
        double at(double x, double y);
    }

    interface BorderX {
        double at(double y);
    }

    static void contour(Graphics2D g, double[][] v, int cell, double iso) {
        int rows = v.length;
        int cols = v[0].length;
        for (int j = 0; j < rows - 1; j++) {
            for (int i = 0; i < cols - 1; i++) {
                double a = v[j][i];
                double b = v[j][i + 1];
                double c = v[j + 1][i + 1];
                double d = v[j + 1][i];
                int code = (a > iso ? 8 : 0) | (b > iso ? 4 : 0) | (c > iso ? 2 : 0) | (d > iso ? 1 : 0);
                if (code == 0 || code == 15) {
                    continue;
                }
                double x = i * cell;
                double y = j * cell;
                Point2D top = new Point2D.Double(x + cell * frac(a, b, iso), y);
                Point2D right = new Point2D.Double(x + cell, y + cell * frac(b, c, iso));
                Point2D bottom = new Point2D.Double(x + cell * frac(d, c, iso), y + cell);
                Point2D left = new Point2D.Double(x, y + cell * frac(a, d, iso));
                switch (code) {
                    case 1, 14 -> segment(g, left, bottom);
                    case 2, 13 -> segment(g, bottom, right);
                    case 3, 12 -> segment(g, left, right);
                    case 4, 11 -> segment(g, top, right);
                    case 6, 9 -> segment(g, top, bottom);
                    case 7, 8 -> segment(g, left, top);
                    case 5 -> {
                        segment(g, left, top);
                        segment(g, bottom, right);
                    }
                    case 10 -> {
                        segment(g, top, right);
                        segment(g, left, bottom);
                    }
                    default -> { }
                }
            }
        }
    }

    static double frac(double from, double to, double iso) {
        return clamp((iso - from) / (to - from), 0, 1);
    }

    static void segment(Graphics2D g, Point2D a, Point2D b) {
        g.draw(new Line2D.Double(a, b));
    }

    // ---------------------------------------------------------------- painting helpers

    static void glow(Graphics2D g, double x, double y, double radius, Color c, float alpha) {
        Color inner = new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(255 * alpha));
        Color outer = new Color(c.getRed(), c.getGreen(), c.getBlue(), 0);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) radius, new float[] {0f, 1f},
                new Color[] {inner, outer}));
        g.fill(circle(x, y, radius));
    }

    static Ellipse2D circle(double x, double y, double r) {
        return new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
    }

    /** Film grain (monochrome, seeded) and a soft vignette, applied to the finished scene. */
    static void finish(BufferedImage img, long seed, int grain, float vignette) {
        Graphics2D g = graphics(img);
        g.setComposite(AlphaComposite.SrcOver);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(W / 2.0, H / 2.0), (float) (W * 0.62),
                new float[] {0.55f, 1f}, new Color[] {new Color(0, 0, 0, 0), new Color(0, 0, 0, Math.round(255 * vignette))}));
        g.fillRect(0, 0, W, H);
        g.dispose();
        Random r = new Random(seed);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int n = r.nextInt(2 * grain + 1) - grain;
                int rgb = img.getRGB(x, y);
                int red = clampByte(((rgb >> 16) & 0xFF) + n);
                int green = clampByte(((rgb >> 8) & 0xFF) + n);
                int blue = clampByte((rgb & 0xFF) + n);
                img.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
    }

    static BufferedImage canvas() {
        return new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    }

    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        return g;
    }

    static Color rgb(int hex) {
        return new Color(hex);
    }

    static Color mix(Color a, Color b, double t) {
        t = clamp(t, 0, 1);
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    static Color shade(Color c, double f) {
        return new Color(clampByte((int) (c.getRed() * f)), clampByte((int) (c.getGreen() * f)),
                clampByte((int) (c.getBlue() * f)));
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static int clampByte(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static void write(Path file, BufferedImage img) throws IOException {
        Files.createDirectories(file.getParent());
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        Files.write(file, bytes.toByteArray());
        System.out.printf("%-70s %7d bytes%n", file, bytes.size());
    }
}
