# Runs: build tool (python3 + Pillow). Draws StoreMind's app icon: a store-front awning over a
# speech bubble, on the brand green. Re-run to regenerate icon.png (512 px) for electron-builder.
from PIL import Image, ImageDraw

S = 512
img = Image.new('RGBA', (S, S), (0, 0, 0, 0))
d = ImageDraw.Draw(img)
d.rounded_rectangle([16, 16, S - 16, S - 16], radius=96, fill=(11, 61, 46, 255))
# Awning: alternating stripes with scalloped edge.
top, bottom = 110, 200
stripes = 6
w = (S - 2 * 96) / stripes
for i in range(stripes):
    x0 = 96 + i * w
    colour = (255, 255, 255, 255) if i % 2 == 0 else (52, 211, 153, 255)
    d.rectangle([x0, top, x0 + w, bottom], fill=colour)
    d.pieslice([x0, bottom - w / 2, x0 + w, bottom + w / 2], 0, 180, fill=colour)
# Speech bubble with three dots: the assistant.
d.rounded_rectangle([136, 262, 376, 392], radius=40, fill=(255, 255, 255, 255))
d.polygon([(190, 388), (170, 440), (240, 390)], fill=(255, 255, 255, 255))
for cx in (196, 256, 316):
    d.ellipse([cx - 16, 311, cx + 16, 343], fill=(11, 61, 46, 255))
img.save('resources/icons/icon.png')
