// About: what Buy-In is, and the credits and licenses of everything it is built from.
#include <cstddef>
#include <string>

#include "imgui.h"
#include "platform/platform.hpp"
#include "ui/screens.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

extern const unsigned char license_inter[];
extern const std::size_t license_inter_size;

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
  // The license keeps its own line breaks; long lines wrap on narrow screens.
  begin_panel("about.license", ImVec2(0, 0), false);
  static const std::string text((const char*)license_inter, license_inter_size);
  ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
  end_panel();
  ImGui::PopFont();
  track_item("about.license", Sem::Text, text);
}

}  // namespace buyin::ui
