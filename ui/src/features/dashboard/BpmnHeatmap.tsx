// The deployed export-licence.bpmn drawn by bpmn-js (NavigatedViewer: pan and zoom), each place
// where cases wait badged with its figures and coloured by its p90 time. Loaded lazily.
import { useEffect, useRef, useState } from "react";
import NavigatedViewer from "bpmn-js/lib/NavigatedViewer";
import "bpmn-js/dist/assets/diagram-js.css";
import "bpmn-js/dist/assets/bpmn-js.css";
import "./dashboard.css";
import type { HeatmapElement } from "../../api/staff";
import { badgeText, heatScale } from "./heatmapColour";

interface Overlays {
  add(element: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  clear(): void;
}
interface Canvas {
  zoom(level: "fit-viewport"): void;
}
interface ElementRegistry {
  get(id: string): { id: string } | undefined;
  getGraphics(id: string): SVGElement | undefined;
}
interface EventBus {
  on(event: string, callback: (e: { element: { id: string } }) => void): void;
}

export default function BpmnHeatmap({
  xml,
  elements,
  onOpen,
}: {
  xml: string;
  elements: HeatmapElement[];
  onOpen: (elementId: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const openRef = useRef(onOpen);
  const [error, setError] = useState<string | null>(null);
  openRef.current = onOpen;

  useEffect(() => {
    if (!container.current) return;
    const instance = new NavigatedViewer({ container: container.current });
    viewer.current = instance;
    return () => {
      instance.destroy();
      viewer.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = viewer.current;
    if (!instance) return;
    let cancelled = false;
    instance
      .importXML(xml)
      .then(() => {
        if (cancelled) return;
        const canvas = instance.get<Canvas>("canvas");
        const overlays = instance.get<Overlays>("overlays");
        const registry = instance.get<ElementRegistry>("elementRegistry");
        const bus = instance.get<EventBus>("eventBus");
        canvas.zoom("fit-viewport");
        overlays.clear();
        const colour = heatScale(elements);
        const places = new Set(elements.map((e) => e.elementId));
        for (const element of elements) {
          if (!registry.get(element.elementId)) continue;
          const heat = colour(element.p90Hours);
          const shape = registry.getGraphics(element.elementId)?.querySelector(".djs-visual > *");
          if (shape instanceof SVGElement) {
            shape.style.fill = heat.fill;
            shape.style.stroke = heat.stroke;
          }
          const badge = document.createElement("button");
          badge.type = "button";
          badge.className = "clearance-heat-badge" + (element.overdueNow > 0 ? " is-overdue" : "");
          badge.textContent =
            element.kind === "END"
              ? String(element.casesNow)
              : `${element.casesNow}${element.overdueNow > 0 ? ` · ${element.overdueNow} late` : ""}`;
          badge.setAttribute(
            "aria-label",
            `${element.name ?? element.elementId}: ${badgeText(element)}. Open these cases.`,
          );
          badge.addEventListener("click", () => openRef.current(element.elementId));
          overlays.add(element.elementId, { position: { top: -14, right: 14 }, html: badge });
        }
        bus.on("element.click", (e) => {
          if (places.has(e.element.id)) openRef.current(e.element.id);
        });
        setError(null);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [xml, elements]);

  return (
    <>
      {error && <p role="alert">The diagram could not be drawn: {error}</p>}
      <div
        ref={container}
        className="clearance-bpmn"
        role="region"
        aria-label="Process diagram of export-licence.bpmn with case counts"
      />
    </>
  );
}
