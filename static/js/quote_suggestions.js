// "Add as a quote below" on the article change form: fill a new row of the Quotes inline with the
// quote found in the text, without submitting anything, so the editor's unsaved changes stay.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-quote-suggestion]");
  if (!button) return;
  event.preventDefault();
  const group = document.getElementById("quotes-group");
  const total = group && group.querySelector('input[name="quotes-TOTAL_FORMS"]');
  const add = group && group.querySelector(".add-row a");
  if (!total || !add) return;
  const index = Number(total.value);
  // A long Quotes inline is shown folded: open it, so the editor sees the row being filled.
  const folded = group.querySelector("details");
  if (folded) folded.open = true;
  add.click();
  const field = (name) => document.getElementById(`id_quotes-${index}-${name}`);
  if (!field("text")) return;
  field("text").value = button.dataset.text;
  if (field("context")) field("context").value = button.dataset.context || "";
  if (field("position")) field("position").value = String(index);
  const speaker = field("speaker");
  if (speaker && button.dataset.speaker) {
    speaker.append(new Option(button.dataset.speakerName, button.dataset.speaker, true, true));
    speaker.dispatchEvent(new Event("change", { bubbles: true }));
  }
  button.disabled = true;
  button.textContent = "Added below: save to keep it";
  field("text").scrollIntoView({ block: "center" });
});
