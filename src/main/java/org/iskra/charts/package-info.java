/**
 * Charts drawn on the server as inline SVG: no script and no library in the page, so a chart shows on a slow phone
 * without JavaScript and in the static mirror's copy of a page alike. The package is its own feature rather than a
 * corner of {@code site} because two features draw charts (the organizers' dashboard, the newsletter's staff page)
 * and more will; a newcomer looking for "the chart code" finds it by name. It knows numbers, labels and the page's
 * language only, never a feature's tables: a feature turns its figures into a {@link org.iskra.charts.ChartData}
 * and a template under {@code src/main/jte/charts/} draws the geometry computed here, with the same numbers as a
 * table beside the picture.
 */
package org.iskra.charts;
