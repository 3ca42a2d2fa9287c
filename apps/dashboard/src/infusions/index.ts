import type { ResourceProps } from 'react-admin';
import { InfusionCreate } from './infusion-create';

export const infusions: ResourceProps = {
  name: 'infusions',
  create: InfusionCreate,
};
