// About: what Buy-In is, and the credits and licenses of everything it is built from.
#include <cstddef>
#include <string>

#include "imgui.h"
#include "platform/platform.hpp"
#include "ui/screens.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

namespace buyin::ui {

void draw_about() {
  const Palette& p = palette();
  if (back_button()) go(Screen::Title);
  ImGui::PushFont(fonts().heading);
  ImGui::TextWrapped("About Buy-In");
  ImGui::PopFont();
  track_item("about.heading", Sem::Heading, "About Buy-In");
  mark_level(1);
  para("Buy-In trains sellers to help a buyer work through their own decision: the budget, the tools "
       "they already run, the people a change would touch. Everything runs in this browser; nothing "
       "leaves the machine unless you export it.");
  para_dim(std::string("Running on: ") + platform::name() + ". Dear ImGui " + ImGui::GetVersion() + ".");
  ImGui::Dummy(ImVec2(0, 6));
  heading("Credits and licenses");
  const char* credits[][2] = {
      {"Inter typeface", "The Inter Project Authors. SIL Open Font License 1.1 (full text below)."},
      {"Dear ImGui 1.86", "Omar Cornut and contributors. MIT License."},
      {"JSON for Modern C++", "Niels Lohmann. MIT License."},
  };
  auto credit = [&](const char* name, const char* license) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", name);
    ImGui::SameLine();
    ImGui::TextColored(p.text_dim, "%s", license);
    track_text(Sem::ListItem, std::string(name) + ": " + license);
  };
  begin_container("about.credits", Sem::List, "Credits and licenses");
  for (auto& c : credits) credit(c[0], c[1]);
  for (const platform::Credit* c = platform::credits(); c->name; ++c) credit(c->name, c->license);
  end_container();
  ImGui::Dummy(ImVec2(0, 6));
  ImGui::PushFont(fonts().small);
  // The license text is a file served next to the game, fetched when this screen first opens, so
  // the first download does not carry it (2.7 KB gzipped). It keeps its own line breaks.
  static const char* kLicense = "inter-license.txt";
  if (platform::fetched(kLicense).status == platform::FetchStatus::none) platform::fetch_file(kLicense);
  const platform::Fetched& lic = platform::fetched(kLicense);
  if (lic.status == platform::FetchStatus::done) {
    begin_panel("about.license", ImVec2(0, 0), false);
    ImGui::TextUnformatted(lic.bytes.c_str(), lic.bytes.c_str() + lic.bytes.size());
    end_panel();
    ImGui::PopFont();
    track_item("about.license", Sem::Text, lic.bytes);
    return;
  }
  const std::string note = lic.status == platform::FetchStatus::failed
                               ? "The font's license text could not be loaded (" + lic.error + "). It is the SIL Open Font License 1.1."
                               : std::string("Loading the font's license text...");
  ImGui::TextWrapped("%s", note.c_str());
  ImGui::PopFont();
  track_item("about.license", Sem::Text, note);
  if (lic.status == platform::FetchStatus::failed && tracked_button("Try again", "about.license_retry")) platform::fetch_file(kLicense);
}

}  // namespace buyin::ui
