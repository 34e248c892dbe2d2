// ECharts behind one small module: pages call render(element, option) through JS interop.
// ECharts (a UMD bundle from npm) is loaded on first use, so pages without charts never fetch it.
let loading;

function loadECharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  loading ??= new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = "/lib/echarts/echarts.min.js";
    s.onload = () => resolve(window.echarts);
    s.onerror = () => reject(new Error("echarts failed to load"));
    document.head.appendChild(s);
  });
  return loading;
}

const observed = new WeakSet();

export async function render(element, option) {
  const echarts = await loadECharts();
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, null, { renderer: "svg" });
  chart.setOption(option, true);
  if (!observed.has(element)) {
    observed.add(element);
    new ResizeObserver(() => chart.resize()).observe(element);
  }
  element.dataset.rendered = "true";
}

export function dispose(element) {
  window.echarts?.getInstanceByDom(element)?.dispose();
}
