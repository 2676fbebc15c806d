import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Two projects: pure/Node code runs in node, React components in jsdom (docs/architecture.md#tests).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          setupFiles: ['renderer/test-setup.ts'],
        },
      },
    ],
  },
})
