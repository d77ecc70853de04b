// Charts of the report pages (Chart.js), drawn from the figures the server wrote into the canvas's
// data-chart attribute; the table beside each chart holds the same figures for those who do not see it.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const colours = ['#dc3545', '#fd7e14', '#0d6efd', '#198754', '#6f42c1'];

for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
    const figures = JSON.parse(canvas.dataset.chart);
    const chart = new Chart(canvas, {
        type: 'bar',
        data: {
            labels: figures.labels,
            datasets: figures.datasets.map((set, index) => ({
                label: set.label,
                data: set.data,
                backgroundColor: colours[index % colours.length],
            })),
        },
        options: {
            animation: false,
            aspectRatio: 3,
            scales: { y: { beginAtZero: true, max: figures.max ?? undefined, title: { display: true, text: figures.axis } } },
            plugins: { legend: { position: 'bottom' } },
        },
    });
    canvas.dataset.chartReady = String(chart.data.datasets.length);
}
