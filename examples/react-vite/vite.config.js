// A standard React + Vite setup: nothing in it is for Kasir (the package needs no configuration).
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({ plugins: [react()] });
