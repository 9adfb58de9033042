// The article change form's "Search and social preview" (articles/search_preview.py): follows the
// headline, slug, standfirst, summary and lead picture as the editor types, with length guidance.
// No inline script: everything it needs is in the panel's data attributes.
const startSearchPreview = () => {
  const panel = document.getElementById("search-preview");
  if (!panel) return;
  const data = panel.dataset;
  const titleMax = Number(data.titleMax);
  const descriptionMax = Number(data.descriptionMax);
  const field = (name) => document.getElementById(`id_${name}`);
  const part = (name) => panel.querySelector(`[data-preview="${name}"]`);

  const clip = (text, limit) => (text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text);
  const advice = (what, length, limit) => {
    const kind = length === 0 ? "empty" : length <= limit ? "fits" : "over";
    return data[`advice${kind[0].toUpperCase()}${kind.slice(1)}`]
      .replace("{what}", what)
      .replace("{n}", String(length))
      .replace("{limit}", String(limit))
      .replace("{over}", String(length - limit));
  };

  const text = () => {
    const headline = (field("headline")?.value || "").trim();
    const dek = (field("dek")?.value || "").trim();
    const summary = (field("summary")?.value || "").trim();
    return { headline, description: dek || summary || data.summary || "" };
  };

  const update = () => {
    const { headline, description } = text();
    const shown = headline || data.noHeadline;
    part("search-title").textContent = clip(shown, titleMax);
    part("card-title").textContent = shown;
    part("search-description").textContent = clip(description, descriptionMax);
    part("card-description").textContent = clip(description, descriptionMax);
    const slug = (field("slug")?.value || "").trim();
    part("path").textContent = `/articles/${slug || "…"}/`;
    const titleAdvice = part("title-advice");
    titleAdvice.textContent = advice(data.whatTitle, headline.length, titleMax);
    titleAdvice.classList.toggle("preview-too-long", headline.length > titleMax);
    const descriptionAdvice = part("description-advice");
    descriptionAdvice.textContent = advice(data.whatDescription, description.length, descriptionMax);
    descriptionAdvice.classList.toggle("preview-too-long", description.length > descriptionMax);
  };

  // The lead picture: its address comes from the image library's list (the newest pictures).
  let library = null;
  const showImage = (url, alt) => {
    const image = part("image");
    image.hidden = !url;
    if (url) {
      image.src = url;
      image.alt = alt || "";
    } else {
      image.removeAttribute("src");
    }
    part("no-image").hidden = Boolean(url);
  };
  const updateImage = async () => {
    const select = field("lead_image");
    const id = select ? select.value : "";
    if (!id) return showImage("", "");
    try {
      library = library || (await (await fetch(data.libraryUrl, { credentials: "same-origin" })).json());
      const found = (library.images || []).find((image) => String(image.id) === id);
      showImage(found ? found.url : "", found ? found.alt : "");
    } catch {
      showImage("", "");
    }
  };

  for (const name of ["headline", "slug", "dek", "summary"]) {
    field(name)?.addEventListener("input", update);
  }
  // The slug is filled by Django's prepopulate script, which sets the value without an input event.
  field("headline")?.addEventListener("keyup", () => setTimeout(update, 0));
  const lead = field("lead_image");
  if (lead) {
    lead.addEventListener("change", updateImage);
    // The autocomplete widget (select2) announces a choice through jQuery only.
    if (window.django && window.django.jQuery) window.django.jQuery(lead).on("change", updateImage);
  }
  update();
};

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", startSearchPreview);
} else {
  startSearchPreview();
}
