package io.b2bportal.payments.reports.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A grouped bar chart laid out on the server, for an inline SVG in the page (no script: our CSP allows only our own,
 * and a picture of a dozen bars needs none). Each group (a month, a manager, a day) has one bar per series; heights are
 * scaled to the largest value rounded up to a "nice" number, which labels the top of the axis.
 */
public record BarChart(int width, int height, int plotTop, int plotBottom, int plotLeft, List<Bar> bars, List<Label> labels,
        List<Tick> ticks) {

    static final int WIDTH = 900;
    static final int HEIGHT = 240;
    private static final int LEFT = 90;
    private static final int TOP = 12;
    private static final int BOTTOM = 200;
    private static final String[] CLASSES = { "bar--a", "bar--b", "bar--c" };

    /** One bar: where it is, its CSS class (series colour) and its value for the tooltip. */
    public record Bar(double x, double y, double width, double height, String css, String title) {
    }

    public record Label(double x, String text) {
    }

    public record Tick(double y, String text) {
    }

    /** A group of bars (one value per series) under one label. */
    public record Group(String label, List<BigDecimal> values, List<String> titles) {
    }

    static BarChart of(List<Group> groups, java.util.function.Function<BigDecimal, String> format) {
        BigDecimal max = groups.stream().flatMap(g -> g.values().stream()).max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        BigDecimal top = nice(max);
        int series = groups.stream().mapToInt(g -> g.values().size()).max().orElse(1);
        double slot = groups.isEmpty() ? 0 : (double) (WIDTH - LEFT - 10) / groups.size();
        double barWidth = Math.max(2, Math.min(40, (slot * 0.8) / series));
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(groups.size() / 16.0));
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            double start = LEFT + g * slot + (slot - barWidth * series) / 2;
            for (int s = 0; s < group.values().size(); s++) {
                BigDecimal v = group.values().get(s).max(BigDecimal.ZERO);
                double h = top.signum() == 0 ? 0 : v.divide(top, 6, RoundingMode.HALF_UP).doubleValue() * (BOTTOM - TOP);
                bars.add(new Bar(round(start + s * barWidth), round(BOTTOM - h), round(barWidth - 1), round(h),
                        CLASSES[s % CLASSES.length], group.titles().get(s) + ": " + format.apply(group.values().get(s))));
            }
            if (g % every == 0) {
                labels.add(new Label(round(LEFT + g * slot + slot / 2), group.label()));
            }
        }
        List<Tick> ticks = List.of(new Tick(TOP, format.apply(top)),
                new Tick((TOP + BOTTOM) / 2.0, format.apply(top.divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP))),
                new Tick(BOTTOM, format.apply(BigDecimal.ZERO)));
        return new BarChart(WIDTH, HEIGHT, TOP, BOTTOM, LEFT, bars, labels, ticks);
    }

    /** A round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at least the value (1 for nothing). */
    static BigDecimal nice(BigDecimal value) {
        if (value.signum() <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal power = BigDecimal.ONE;
        while (power.multiply(BigDecimal.TEN).compareTo(value) < 0) {
            power = power.multiply(BigDecimal.TEN);
        }
        for (String f : new String[] { "1", "1.5", "2", "2.5", "3", "4", "5", "6", "8", "10" }) {
            BigDecimal candidate = power.multiply(new BigDecimal(f));
            if (candidate.compareTo(value) >= 0) {
                return candidate;
            }
        }
        return power.multiply(BigDecimal.TEN);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
